import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, patch } from '../../api/client';
import { useCan } from '../../api/session';
import { ErrorMessage } from '../../components/error-message';

type SurveySettings = {
  contactCap: { maxContacts: number; windowDays: number };
  reminders: { afterHours: number; max: number };
  linkValidDays: number;
};

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
  const canWrite = useCan('settings:write');
  const queryClient = useQueryClient();
  const current = useQuery({
    queryKey: ['settings', 'surveys'],
    queryFn: () => get<SurveySettings>('/survey-settings'),
  });
  const [form, setForm] = useState<SurveySettings | null>(null);
  useEffect(() => {
    if (current.data && !form) setForm(current.data);
  }, [current.data, form]);
  const save = useMutation({
    mutationFn: (body: SurveySettings) => patch<SurveySettings>('/survey-settings', body),
    onSuccess: (data) => queryClient.setQueryData(['settings', 'surveys'], data),
  });
  if (current.isError) return <ErrorMessage error={current.error} />;
  if (!form) return <p className="loading">{t('common.loading')}</p>;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(form);
  };
  return (
    <form className="card form" onSubmit={submit}>
      <h2>{t('surveySettings.title')}</h2>
      <p>{t('surveySettings.help')}</p>
      <fieldset disabled={!canWrite}>
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
        {canWrite && (
          <button type="submit" className="primary" disabled={save.isPending}>
            {t('common.save')}
          </button>
        )}
      </fieldset>
      {save.isSuccess && <p role="status">{t('common.saved')}</p>}
      {save.isError && <ErrorMessage error={save.error} />}
    </form>
  );
}
