import { useTranslation } from 'react-i18next';
import { useOptionalQuery } from '../../api/optional';
import { useFormat } from '../../lib/format';
import { endOfDay, startOfDay } from '../../lib/period';

type Loop = {
  negativeResponses: number;
  closedLoop: number;
  closeTheLoopRate: number | null;
  medianFirstResponseMinutes: number | null;
  slaCompliance: { overall: { cases: number; met: number; compliance: number | null } };
  backlog: { open: number };
};

type BreachedPage = { items: unknown[]; nextCursor: string | null };

/** Open cases, SLA breaches and how often negative feedback is followed up. */
export function CasesSummary({ from, to }: { from: string; to: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const loop = useOptionalQuery<Loop>(['loop', from, to], '/analytics/loop', {
    from: startOfDay(from),
    to: endOfDay(to),
  });
  const breached = useOptionalQuery<BreachedPage>(['cases', 'breached-open'], '/cases', {
    breached: 'true',
    status: 'new,in_progress,waiting_customer',
    limit: 200,
  });
  if (!loop.data) return null;
  const l = loop.data;
  const breachedOpen = breached.data?.items.length ?? 0;
  return (
    <section className="card">
      <h2>{t('overview.cases')}</h2>
      <dl className="facts">
        <dt>{t('overview.openCases')}</dt>
        <dd data-testid="open-cases">{f.int(l.backlog.open)}</dd>
        <dt>{t('overview.breached')}</dt>
        <dd className={breachedOpen ? 'bad' : undefined}>
          {breached.data?.nextCursor ? `${f.int(breachedOpen)}+` : f.int(breachedOpen)}
        </dd>
        <dt>{t('overview.slaCompliance')}</dt>
        <dd>{f.pct(l.slaCompliance.overall.compliance)}</dd>
        <dt>{t('overview.closeTheLoop')}</dt>
        <dd>
          {f.pct(l.closeTheLoopRate)} ({f.int(l.closedLoop)} / {f.int(l.negativeResponses)})
        </dd>
        <dt>{t('overview.firstResponse')}</dt>
        <dd>
          {l.medianFirstResponseMinutes === null
            ? '—'
            : t('overview.minutes', { count: Math.round(l.medianFirstResponseMinutes) })}
        </dd>
      </dl>
    </section>
  );
}
