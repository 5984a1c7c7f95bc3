import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, patch } from '../../api/client';
import { useCan } from '../../api/session';
import { ErrorMessage } from '../../components/error-message';

type AnalyticsSettings = { anonymityThreshold: number };

/**
 * The smallest group whose employee or internal-client feedback is shown: a breakdown with fewer
 * answers is withheld, so nobody can be recognised by their answer.
 */
export default function AnonymitySection() {
  const { t } = useTranslation();
  const canWrite = useCan('settings:write');
  const queryClient = useQueryClient();
  const current = useQuery({
    queryKey: ['settings', 'analytics'],
    queryFn: () => get<AnalyticsSettings>('/analytics/settings'),
  });
  const [threshold, setThreshold] = useState<number | null>(null);
  useEffect(() => {
    if (current.data && threshold === null) setThreshold(current.data.anonymityThreshold);
  }, [current.data, threshold]);
  const save = useMutation({
    mutationFn: (anonymityThreshold: number) =>
      patch<AnalyticsSettings>('/analytics/settings', { anonymityThreshold }),
    onSuccess: (data) => queryClient.setQueryData(['settings', 'analytics'], data),
  });
  if (current.isError) return <ErrorMessage error={current.error} />;
  if (threshold === null) return <p className="loading">{t('common.loading')}</p>;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(threshold);
  };
  return (
    <form className="card form" onSubmit={submit}>
      <h2>{t('anonymity.title')}</h2>
      <p>{t('anonymity.help')}</p>
      <fieldset disabled={!canWrite}>
        <label>
          {t('anonymity.threshold')}
          <input
            type="number"
            required
            min={2}
            max={1000}
            step={1}
            value={threshold}
            onChange={(e) => setThreshold(Number(e.target.value))}
          />
        </label>
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
