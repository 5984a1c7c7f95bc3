import { useTranslation } from 'react-i18next';
import type { LifecycleQuery, LifecycleReport } from '../../../../src/http/api-types';
import { useOptionalQuery } from '../../api/optional';
import { useSession } from '../../api/session';
import { PeriodPicker } from '../../components/period-picker';
import { METRICS } from '../../feedback/metric-api';
import { MetricCard } from '../../feedback/metric-card';
import { MetricTrend } from '../../feedback/metric-trend';
import { useFormat } from '../../lib/format';
import { useLabels } from '../../lib/labels';
import { daysAgo, endOfDay, startOfDay, usePeriod } from '../../lib/period';
import { CasesSummary } from './cases-summary';
import { DetractorTopics } from './detractor-topics';

/** The one page a manager opens first; it prints as a clean PDF report. */
export default function OverviewPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const labels = useLabels();
  const me = useSession();
  const period = usePeriod(90);
  const filters = { from: period.from, to: period.to };
  const trendFilters = { from: daysAgo(365), to: period.to };
  const lifecycle = useOptionalQuery<LifecycleReport>(
    ['lifecycle', period.from, period.to],
    '/analytics/lifecycle',
    {
      from: startOfDay(period.from),
      to: endOfDay(period.to),
    } satisfies LifecycleQuery,
  );
  return (
    <section className="stack overview">
      <div className="print-only">
        <p>
          <strong>{me.org.name}</strong> —{' '}
          {t('overview.reportOf', {
            from: f.date(startOfDay(period.from)),
            to: f.date(startOfDay(period.to)),
          })}
        </p>
      </div>
      <div className="page-head">
        <h1>{t('overview.title')}</h1>
        <PeriodPicker from={period.from} to={period.to} onChange={period.set} />
        <button type="button" onClick={() => window.print()}>
          {t('common.print')}
        </button>
      </div>
      <div className="kpis">
        {METRICS.map((m) => (
          <MetricCard key={m} metric={m} filters={filters} />
        ))}
      </div>
      <div className="grid">
        {METRICS.map((m) => (
          <MetricTrend key={m} metric={m} filters={trendFilters} />
        ))}
      </div>
      {lifecycle.data && (
        <section className="card">
          <h2>{t('overview.lifecycle')}</h2>
          <div className="kpis">
            {Object.entries(lifecycle.data.counts).map(([stage, n]) => (
              <div className="kpi" key={stage}>
                <div className="label">{labels.stage(stage)}</div>
                <div className="value">{f.int(n)}</div>
              </div>
            ))}
          </div>
        </section>
      )}
      <div className="grid">
        <CasesSummary from={period.from} to={period.to} />
        <DetractorTopics from={period.from} to={period.to} />
      </div>
    </section>
  );
}
