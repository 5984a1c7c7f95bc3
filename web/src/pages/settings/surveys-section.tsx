import { useTranslation } from 'react-i18next';
import type { SurveySettings, UpdateSurveySettingsRequest } from '../../../../src/http/api-types';
import { SettingsCard, useSettingsForm } from './settings-form';

/** A number field of the form: its label key, where it sits in the settings and its bounds. */
type Field = {
  label: string;
  min: number;
  max: number;
  read: (s: SurveySettings) => number;
  write: (s: SurveySettings, v: number) => SurveySettings;
};

const FIELDS: Field[] = [
  {
    label: 'maxContacts',
    min: 1,
    max: 1000,
    read: (s) => s.contactCap.maxContacts,
    write: (s, v) => ({ ...s, contactCap: { ...s.contactCap, maxContacts: v } }),
  },
  {
    label: 'windowDays',
    min: 0,
    max: 3650,
    read: (s) => s.contactCap.windowDays,
    write: (s, v) => ({ ...s, contactCap: { ...s.contactCap, windowDays: v } }),
  },
  {
    label: 'reminderAfterHours',
    min: 1,
    max: 24 * 90,
    read: (s) => s.reminders.afterHours,
    write: (s, v) => ({ ...s, reminders: { ...s.reminders, afterHours: v } }),
  },
  {
    label: 'maxReminders',
    min: 0,
    max: 5,
    read: (s) => s.reminders.max,
    write: (s, v) => ({ ...s, reminders: { ...s.reminders, max: v } }),
  },
  {
    label: 'linkValidDays',
    min: 1,
    max: 365,
    read: (s) => s.linkValidDays,
    write: (s, v) => ({ ...s, linkValidDays: v }),
  },
];

/** How often a customer may be asked, when invitations are reminded, how long a link is valid. */
export default function SurveysSection() {
  const { t } = useTranslation();
  const state = useSettingsForm<SurveySettings, UpdateSurveySettingsRequest>('surveys');
  return (
    <SettingsCard state={state} title={t('surveySettings.title')} help={t('surveySettings.help')}>
      {(form, setForm) => (
        <>
          {FIELDS.map((field) => (
            <label key={field.label}>
              {t(`surveySettings.${field.label}`)}
              <input
                type="number"
                required
                min={field.min}
                max={field.max}
                step={1}
                value={field.read(form)}
                onChange={(e) => setForm(field.write(form, Number(e.target.value)))}
              />
            </label>
          ))}
        </>
      )}
    </SettingsCard>
  );
}
