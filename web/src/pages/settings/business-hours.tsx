import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSettings, UpdateCaseSettingsRequest, Weekday } from '../../../../src/http/api-types';
import { get, patch } from '../../api/client';
import { useCan } from '../../api/session';
import { ErrorMessage } from '../../components/error-message';
import { keysOf } from '../../lib/domain';
import { SaveFooter } from './settings-form';

/** The weekdays, Monday first. */
const WEEKDAYS = keysOf<Weekday>({
  mon: true,
  tue: true,
  wed: true,
  thu: true,
  fri: true,
  sat: true,
  sun: true,
});
type Interval = CaseSettings['workingHours'][string][number];

const toText = (day: Interval[] = []) => day.map(([a, b]) => `${a}-${b}`).join(', ');
const fromText = (text: string): Interval[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => s.split('-').map((x) => x.trim()) as Interval);

/** When SLA clocks run: working hours per weekday (e.g. "09:00-17:00"), holidays, time zone. */
export function BusinessHours() {
  const { t } = useTranslation();
  const canWrite = useCan('settings:write');
  const queryClient = useQueryClient();
  const current = useQuery({
    queryKey: ['case-settings'],
    queryFn: () => get<CaseSettings>('/settings/cases'),
  });
  const [form, setForm] = useState<{
    timeZone: string;
    days: Record<string, string>;
    holidays: string;
  } | null>(null);
  useEffect(() => {
    if (current.data && !form) {
      setForm({
        timeZone: current.data.timeZone ?? '',
        days: Object.fromEntries(WEEKDAYS.map((d) => [d, toText(current.data.workingHours[d])])),
        holidays: current.data.holidays.join(', '),
      });
    }
  }, [current.data, form]);
  const save = useMutation({
    mutationFn: (body: UpdateCaseSettingsRequest) => patch<CaseSettings>('/settings/cases', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['case-settings'] }),
  });
  if (current.isError) return <ErrorMessage error={current.error} />;
  if (!form) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({
      timeZone: form.timeZone.trim() || null,
      workingHours: Object.fromEntries(WEEKDAYS.map((d) => [d, fromText(form.days[d])])) as Record<
        Weekday,
        Interval[]
      >,
      holidays: form.holidays.split(/[\s,]+/).filter(Boolean),
    });
  };
  return (
    <form className="card form" onSubmit={submit}>
      <h2>{t('sla.businessHours')}</h2>
      <p className="muted">{t('sla.hoursHelp')}</p>
      <fieldset disabled={!canWrite}>
        {WEEKDAYS.map((d) => (
          <label key={d}>
            {t(`weekdays.${d}`)}
            <input
              value={form.days[d]}
              pattern="^$|^([0-2]\d:[0-5]\d-[0-2]\d:[0-5]\d)(, *[0-2]\d:[0-5]\d-[0-2]\d:[0-5]\d)*$"
              onChange={(e) => setForm({ ...form, days: { ...form.days, [d]: e.target.value } })}
            />
          </label>
        ))}
        <label>
          {t('sla.holidays')}
          <input value={form.holidays} onChange={(e) => setForm({ ...form, holidays: e.target.value })} />
        </label>
        <label>
          {t('settings.timeZone')}
          <input
            value={form.timeZone}
            placeholder={t('sla.orgTimeZone')}
            onChange={(e) => setForm({ ...form, timeZone: e.target.value })}
          />
        </label>
        <SaveFooter canWrite={canWrite} save={save} />
      </fieldset>
    </form>
  );
}
