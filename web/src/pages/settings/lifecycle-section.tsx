import { useTranslation } from 'react-i18next';
import type { LifecycleSettings, UpdateLifecycleSettingsRequest } from '../../../../src/http/api-types';
import { SettingsCard, useSettingsForm } from './settings-form';

const FIELDS: { key: Exclude<keyof LifecycleSettings, 'lostAliveBelow'>; min: number; max: number }[] = [
  { key: 'regularMinPurchases', min: 1, max: 1000 },
  { key: 'regularWindowDays', min: 1, max: 3660 },
  { key: 'loyalMinNps', min: 0, max: 10 },
  { key: 'referralWindowDays', min: 1, max: 3660 },
  { key: 'lostAfterDays', min: 1, max: 3660 },
];

/** The thresholds that decide each customer's lifecycle stage. */
export default function LifecycleSection() {
  const { t } = useTranslation();
  const state = useSettingsForm<LifecycleSettings, UpdateLifecycleSettingsRequest>('lifecycle');
  return (
    <SettingsCard state={state} title={t('settings.lifecycle')} saved={t('settings.recomputing')}>
      {(form, setForm) => (
        <>
          {FIELDS.map(({ key, min, max }) => (
            <label key={key}>
              {t(`thresholds.${key}`)}
              <input
                type="number"
                required
                min={min}
                max={max}
                step={1}
                value={form[key]}
                onChange={(e) => setForm({ ...form, [key]: Number(e.target.value) })}
              />
            </label>
          ))}
          <label>
            {t('thresholds.lostAliveBelow')}
            <input
              type="number"
              min={0.01}
              max={0.99}
              step={0.01}
              value={form.lostAliveBelow ?? ''}
              onChange={(e) =>
                setForm({ ...form, lostAliveBelow: e.target.value === '' ? null : Number(e.target.value) })
              }
            />
          </label>
        </>
      )}
    </SettingsCard>
  );
}
