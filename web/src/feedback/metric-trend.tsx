import { useTranslation } from 'react-i18next';
import type { FeedbackFilters, Metric } from '../../../src/http/api-types';
import { ChartPanel } from '../charts/chart-panel';
import { useFormat } from '../lib/format';
import { scoreText, useMetric } from './metric-api';

/** Each metric on its whole scale, so months and metrics compare at a glance. */
const AXIS_RANGE: Record<Metric, { min: number; max: number }> = {
  nps: { min: -100, max: 100 },
  csat: { min: 0, max: 100 },
  ces: { min: 1, max: 7 },
};

/** A metric month by month, with its 95 % interval as a band. */
export function MetricTrend({ metric, filters }: { metric: Metric; filters: FeedbackFilters }) {
  const { t } = useTranslation();
  const f = useFormat();
  const answer = useMetric(metric, filters, 'month');
  const groups = answer.data && !answer.data.suppressed ? answer.data.groups.filter((g) => g.key) : [];
  const rows = groups.map((g) => ({
    month: g.key!,
    score: g.score,
    lo: g.ci95?.[0] ?? null,
    hi: g.ci95?.[1] ?? null,
    n: g.n,
  }));
  const labels = rows.map((r) => f.month(r.month));
  return (
    <ChartPanel
      title={t('feedback.trend', { metric: t(`metrics.${metric}`) })}
      option={{
        tooltip: { trigger: 'axis' },
        grid: { left: 50, right: 20, top: 20, bottom: 40 },
        xAxis: { type: 'category', data: labels },
        yAxis: { type: 'value', ...AXIS_RANGE[metric] },
        series: [
          {
            type: 'line',
            data: rows.map((r) => r.lo),
            stack: 'ci',
            stackStrategy: 'all',
            symbol: 'none',
            lineStyle: { opacity: 0 },
            name: t('feedback.lower'),
          },
          {
            type: 'line',
            data: rows.map((r) => (r.hi !== null && r.lo !== null ? r.hi - r.lo : null)),
            stack: 'ci',
            stackStrategy: 'all',
            symbol: 'none',
            lineStyle: { opacity: 0 },
            areaStyle: { color: '#1f5fbf', opacity: 0.15 },
            name: t('feedback.interval95'),
            tooltip: { show: false },
          },
          { type: 'line', data: rows.map((r) => r.score), name: t(`metrics.${metric}`), color: '#1f5fbf' },
        ],
      }}
      table={{
        rows,
        rowKey: (r) => r.month,
        exportName: `${metric}-by-month`,
        columns: [
          { key: 'month', header: t('feedback.month'), render: (r) => f.month(r.month) },
          {
            key: 'score',
            header: t(`metrics.${metric}`),
            numeric: true,
            render: (r) => scoreText(metric, r.score, f.dec),
          },
          {
            key: 'lo',
            header: t('feedback.lower'),
            numeric: true,
            render: (r) => scoreText(metric, r.lo, f.dec),
          },
          {
            key: 'hi',
            header: t('feedback.upper'),
            numeric: true,
            render: (r) => scoreText(metric, r.hi, f.dec),
          },
          { key: 'n', header: t('feedback.n'), numeric: true, render: (r) => f.int(r.n) },
        ],
      }}
    />
  );
}
