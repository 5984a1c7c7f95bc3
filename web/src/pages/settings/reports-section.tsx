import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ReportFrequency, ReportSubscription } from '../../../../src/http/api-types';
import { del, getAll, post } from '../../api/client';
import { ErrorMessage } from '../../components/error-message';
import { keysOf } from '../../lib/domain';
import { useFormat } from '../../lib/format';

const FREQUENCIES = keysOf<ReportFrequency>({ weekly: true, monthly: true });
const KEY = ['report-subscriptions'] as const;

/** The signed-in person's digest e-mails: weekly and monthly, each on or off. */
export default function ReportsSection() {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const subscriptions = useQuery({
    queryKey: KEY,
    queryFn: () => getAll<ReportSubscription>('/reports/subscriptions'),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: KEY });
  const subscribe = useMutation({
    mutationFn: (frequency: ReportFrequency) => post('/reports/subscriptions', { frequency }),
    onSuccess: refresh,
  });
  const cancel = useMutation({
    mutationFn: (id: string) => del(`/reports/subscriptions/${id}`),
    onSuccess: refresh,
  });
  if (subscriptions.isError) return <ErrorMessage error={subscriptions.error} />;
  if (!subscriptions.data) return <p className="loading">{t('common.loading')}</p>;
  const busy = subscribe.isPending || cancel.isPending;
  return (
    <section className="card form" aria-labelledby="reports-title">
      <h2 id="reports-title">{t('reports.title')}</h2>
      <p className="muted">{t('reports.intro')}</p>
      {FREQUENCIES.map((frequency) => {
        const current = subscriptions.data.items.find((s) => s.frequency === frequency);
        return (
          <div key={frequency}>
            <label>
              <input
                type="checkbox"
                checked={Boolean(current)}
                disabled={busy}
                onChange={() => (current ? cancel.mutate(current.id) : subscribe.mutate(frequency))}
              />{' '}
              {t(`reports.${frequency}`)}
            </label>
            {current && (
              <p className="muted">{t('reports.next', { when: format.dateTime(current.nextSendAt) })}</p>
            )}
          </div>
        );
      })}
      <ErrorMessage error={subscribe.error ?? cancel.error} />
    </section>
  );
}
