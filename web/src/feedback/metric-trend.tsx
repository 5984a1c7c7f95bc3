import { useTranslation } from 'react-i18next';
import type { FeedbackFilters, Metric } from '../../../src/http/api-types';
import { SMALL_SAMPLE_THRESHOLD } from '../../../src/modules/feedback/domain/metrics/scales';
import { ChartPanel } from '../charts/chart-panel';
import { useFormat } from '../lib/format';
import { useLabels } from '../lib/labels';
import { scoreText, useMetric } from './metric-api';

/** Each metric on its whole scale, so months and metrics compare at a glance. */
const AXIS_RANGE: Record<Metric, { min: number; max: number }> = {
  nps: { min: -100, max: 100 },
  csat: { min: 0, max: 100 },
  ces: { min: 1, max: 7 },
};

const LINE = '#1f5fbf';
const SMALL = '#868e96';

/**
 * A metric month by month, with its 95 % interval as a band. A month of few answers (the API's
 * small sample) is a hollow grey point, its interval and answers in the tooltip and the table.
 */
export function MetricTrend({ metric, filters }: { metric: Metric; filters: FeedbackFilters }) {
  const { t } = useTranslation();
  const f = useFormat();
  const labels = useLabels();
  const name = labels.metric(metric);
  const answer = useMetric(metric, filters, 'month');
  const groups = answer.data && !answer.data.suppressed ? answer.data.groups.filter((g) => g.key) : [];
  const rows = groups.map((g) => ({
    month: g.key!,
    score: g.score,
    lo: g.ci95?.[0] ?? null,
    hi: g.ci95?.[1] ?? null,
    n: g.n,
    small: g.smallSample,
  }));
  const score = (v: number | null) => scoreText(metric, v, f.dec);
  const tooltip = (params: { dataIndex: number }[]) => {
    const r = rows[params[0]?.dataIndex ?? -1];
    if (!r) return '';
    return [
      `<strong>${f.month(r.month)}</strong>`,
      `${name}: ${score(r.score)}`,
      `${t('feedback.interval95')}: ${score(r.lo)} – ${score(r.hi)}`,
      `${t('feedback.n')}: ${f.int(r.n)}`,
      ...(r.small ? [`<em>${t('feedback.smallSample')}</em>`] : []),
    ].join('<br>');
  };
  return (
    <ChartPanel
      title={t('feedback.trend', { metric: name })}
      note={rows.some((r) => r.small) && t('feedback.smallSampleNote', { min: SMALL_SAMPLE_THRESHOLD })}
      option={{
        tooltip: { trigger: 'axis', formatter: tooltip },
        grid: { left: 50, right: 20, top: 20, bottom: 40 },
        xAxis: { type: 'category', data: rows.map((r) => f.month(r.month)) },
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
            areaStyle: { color: LINE, opacity: 0.15 },
            name: t('feedback.interval95'),
            tooltip: { show: false },
          },
          {
            type: 'line',
            name,
            color: LINE,
            symbolSize: 7,
            data: rows.map((r) =>
              r.small
                ? {
                    value: r.score,
                    symbol: 'emptyCircle',
                    symbolSize: 9,
                    itemStyle: { color: SMALL, borderColor: SMALL, borderType: 'dashed' },
                  }
                : { value: r.score, symbol: 'circle' },
            ),
          },
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
            header: name,
            numeric: true,
            render: (r) => score(r.score),
          },
          {
            key: 'lo',
            header: t('feedback.lower'),
            numeric: true,
            render: (r) => score(r.lo),
          },
          {
            key: 'hi',
            header: t('feedback.upper'),
            numeric: true,
            render: (r) => score(r.hi),
          },
          { key: 'n', header: t('feedback.n'), numeric: true, render: (r) => f.int(r.n) },
          {
            key: 'small',
            header: t('feedback.sample'),
            value: (r) => (r.small ? t('feedback.smallSample') : ''),
            render: (r) => (r.small ? <span className="warn">{t('feedback.smallSample')}</span> : ''),
          },
        ],
      }}
    />
  );
}
