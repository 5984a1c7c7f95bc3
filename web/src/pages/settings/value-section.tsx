import { useTranslation } from 'react-i18next';
import type {
  SaveValueSettingsRequest,
  ValueSettings as StoredValueSettings,
} from '../../../../src/http/api-types';
import { minorPerMajor } from '../../lib/format';
import { useLabels } from '../../lib/labels';
import { SettingsCard, useSettingsForm } from './settings-form';

type StoredTierRule = StoredValueSettings['tierRule'];
/** The stored settings, with the base currency; `key` tells tier rows apart while they are edited (not sent). */
type TierRule = Omit<StoredTierRule, 'tiers'> & {
  tiers: (StoredTierRule['tiers'][number] & { key?: number })[];
};
type ValueSettings = Omit<StoredValueSettings, 'tierRule'> & { tierRule: TierRule };

const COSTS = ['costPerOrderMinor', 'costPerContactMinor', 'costPerCaseHourMinor'] as const;

let rowKeys = 0;
const withKeys = (settings: ValueSettings): ValueSettings => ({
  ...settings,
  tierRule: { ...settings.tierRule, tiers: settings.tierRule.tiers.map((t) => ({ ...t, key: ++rowKeys })) },
});

/**
 * How customer value is modelled and turned into service tiers: the transaction model, horizon,
 * discount rate and margin, the costs to serve, and the tier thresholds. Saving rescores every
 * customer in the background.
 */
export default function ValueSection() {
  const { t } = useTranslation();
  const state = useSettingsForm<ValueSettings, SaveValueSettingsRequest>(
    'value',
    ({ currency: _currency, tierRule, ...body }) => ({
      ...body,
      tierRule: { ...tierRule, tiers: tierRule.tiers.map(({ tier, min }) => ({ tier, min })) },
    }),
    withKeys,
  );
  return (
    <SettingsCard
      state={state}
      title={t('valueSettings.title')}
      help={t('valueSettings.help')}
      saved={t('valueSettings.saved')}
    >
      {(form, setForm) => <ValueFields form={form} setForm={setForm} />}
    </SettingsCard>
  );
}

/** The fields of the value settings; money in major units of the base currency. */
function ValueFields({ form, setForm }: { form: ValueSettings; setForm: (next: ValueSettings) => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const unit = minorPerMajor(form.currency);
  const rule = form.tierRule;
  const setRule = (next: Partial<TierRule>) => setForm({ ...form, tierRule: { ...rule, ...next } });
  // Profitability thresholds are money: shown in major units, kept in minor ones.
  const minScale = rule.by === 'profitability' ? unit : 1;
  const toMin = (shown: number) => (rule.by === 'profitability' ? Math.round(shown * unit) : shown);
  return (
    <>
      <label>
        {t('valueSettings.model')}
        <select
          value={form.model}
          onChange={(e) => setForm({ ...form, model: e.target.value as ValueSettings['model'] })}
        >
          <option value="bgnbd">BG/NBD</option>
          <option value="paretoNbd">Pareto/NBD</option>
        </select>
      </label>
      <label>
        {t('valueSettings.horizonMonths')}
        <input
          type="number"
          required
          min={1}
          max={120}
          value={form.horizonMonths}
          onChange={(e) => setForm({ ...form, horizonMonths: Number(e.target.value) })}
        />
      </label>
      {(['annualDiscountRate', 'margin'] as const).map((key) => (
        <label key={key}>
          {t(`valueSettings.${key}`)}
          <input
            type="number"
            required
            min={0}
            max={100}
            step={0.1}
            value={Math.round(form[key] * 1000) / 10}
            onChange={(e) => setForm({ ...form, [key]: Number(e.target.value) / 100 })}
          />
        </label>
      ))}
      {COSTS.map((key) => (
        <label key={key}>
          {t(`valueSettings.${key}`, { currency: form.currency })}
          <input
            type="number"
            required
            min={0}
            step={1 / unit}
            value={form[key] / unit}
            onChange={(e) => setForm({ ...form, [key]: Math.round(Number(e.target.value) * unit) })}
          />
        </label>
      ))}
      <fieldset>
        <legend>{t('valueSettings.tiers')}</legend>
        <label>
          {t('valueSettings.tierBy')}
          <select value={rule.by} onChange={(e) => setRule({ by: e.target.value as TierRule['by'] })}>
            <option value="percentile">{t('valueSettings.byPercentile')}</option>
            <option value="profitability">
              {t('valueSettings.byProfitability', { currency: form.currency })}
            </option>
          </select>
        </label>
        <label>
          {t('valueSettings.defaultTier')}
          <input
            required
            value={rule.defaultTier}
            onChange={(e) => setRule({ defaultTier: e.target.value })}
          />
        </label>
        {rule.tiers.map((tier, i) => (
          <div className="row" key={tier.key} data-testid="tier">
            <label>
              {t('valueSettings.tierName')}
              <input
                required
                value={tier.tier}
                onChange={(e) =>
                  setRule({ tiers: rule.tiers.map((x, k) => (k === i ? { ...x, tier: e.target.value } : x)) })
                }
              />
            </label>
            <label>
              {t('valueSettings.tierMin')}
              <input
                type="number"
                required
                step="any"
                value={tier.min / minScale}
                onChange={(e) =>
                  setRule({
                    tiers: rule.tiers.map((x, k) =>
                      k === i ? { ...x, min: toMin(Number(e.target.value)) } : x,
                    ),
                  })
                }
              />
            </label>
            <button type="button" onClick={() => setRule({ tiers: rule.tiers.filter((_, k) => k !== i) })}>
              {t('valueSettings.removeTier', { tier: labels.tier(tier.tier) })}
            </button>
          </div>
        ))}
        {rule.tiers.length < 10 && (
          <button
            type="button"
            onClick={() => setRule({ tiers: [...rule.tiers, { tier: '', min: 0, key: ++rowKeys }] })}
          >
            {t('valueSettings.addTier')}
          </button>
        )}
      </fieldset>
    </>
  );
}
