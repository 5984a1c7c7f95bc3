import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, patch } from '../../api/client';
import { useCan } from '../../api/session';
import { ErrorMessage } from '../../components/error-message';

type Thresholds = {
  regularMinPurchases: number;
  regularWindowDays: number;
  loyalMinNps: number;
  referralWindowDays: number;
  lostAfterDays: number;
  lostAliveBelow: number | null;
};

const FIELDS: { key: Exclude<keyof Thresholds, 'lostAliveBelow'>; min: number; max: number }[] = [
  { key: 'regularMinPurchases', min: 1, max: 1000 },
  { key: 'regularWindowDays', min: 1, max: 3660 },
  { key: 'loyalMinNps', min: 0, max: 10 },
  { key: 'referralWindowDays', min: 1, max: 3660 },
  { key: 'lostAfterDays', min: 1, max: 3660 },
];

/** The thresholds that decide each customer's lifecycle stage. */
export default function LifecycleSection() {
  const { t } = useTranslation();
  const canWrite = useCan('settings:write');
  const queryClient = useQueryClient();
  const current = useQuery({
    queryKey: ['settings', 'lifecycle'],
    queryFn: () => get<Thresholds>('/settings/lifecycle'),
  });
  const [form, setForm] = useState<Thresholds | null>(null);
  useEffect(() => {
    if (current.data && !form) setForm(current.data);
  }, [current.data, form]);
  const save = useMutation({
    mutationFn: (body: Thresholds) => patch<Thresholds>('/settings/lifecycle', body),
    onSuccess: (data) => queryClient.setQueryData(['settings', 'lifecycle'], data),
  });
  if (current.isError) return <ErrorMessage error={current.error} />;
  if (!form) return <p className="loading">{t('common.loading')}</p>;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(form);
  };
  return (
    <form className="card form" onSubmit={submit}>
      <h2>{t('settings.lifecycle')}</h2>
      <fieldset disabled={!canWrite}>
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
        {canWrite && (
          <button type="submit" className="primary" disabled={save.isPending}>
            {t('common.save')}
          </button>
        )}
      </fieldset>
      {save.isSuccess && <p role="status">{t('settings.recomputing')}</p>}
      {save.isError && <ErrorMessage error={save.error} />}
    </form>
  );
}
