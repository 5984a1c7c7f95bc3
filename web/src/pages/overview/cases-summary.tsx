import { useTranslation } from 'react-i18next';
import type { Case, ListCasesQuery, LoopMetrics, LoopQuery } from '../../../../src/http/api-types';
import type { Page } from '../../api/client';
import { useOptionalQuery } from '../../api/optional';
import { OPEN_STATUSES } from '../../lib/domain';
import { useFormat } from '../../lib/format';
import { endOfDay, startOfDay } from '../../lib/period';

/** Open cases, SLA breaches and how often negative feedback is followed up. */
export function CasesSummary({ from, to }: { from: string; to: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const loop = useOptionalQuery<LoopMetrics>(['loop', from, to], '/analytics/loop', {
    from: startOfDay(from),
    to: endOfDay(to),
  } satisfies LoopQuery);
  const breached = useOptionalQuery<Page<Case>>(['cases', 'breached-open'], '/cases', {
    breached: 'true',
    status: OPEN_STATUSES.join(','),
    limit: 200,
  } satisfies ListCasesQuery);
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
