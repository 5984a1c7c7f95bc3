import { useTranslation } from 'react-i18next';
import type { AnalyticsSettings, UpdateAnalyticsSettingsRequest } from '../../../../src/http/api-types';
import { SettingsCard, useSettingsForm } from './settings-form';

/**
 * The smallest group whose employee or internal-client feedback is shown: a breakdown with fewer
 * answers is withheld, so nobody can be recognised by their answer.
 */
export default function AnonymitySection() {
  const { t } = useTranslation();
  const state = useSettingsForm<AnalyticsSettings, UpdateAnalyticsSettingsRequest>('anonymity');
  return (
    <SettingsCard state={state} title={t('anonymity.title')} help={t('anonymity.help')}>
      {(form, setForm) => (
        <>
          <label>
            {t('anonymity.threshold')}
            <input
              type="number"
              required
              min={2}
              max={1000}
              step={1}
              value={form.anonymityThreshold}
              onChange={(e) => setForm({ anonymityThreshold: Number(e.target.value) })}
            />
          </label>
        </>
      )}
    </SettingsCard>
  );
}
