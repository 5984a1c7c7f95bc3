import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  Dimension,
  DriversAnswer,
  DriversQuery,
  FeedbackFilters,
  Metric,
} from '../../../src/http/api-types';
import { get } from '../api/client';
import { ChartPanel } from '../charts/chart-panel';
import { ErrorMessage } from '../components/error-message';
import { useFormat } from '../lib/format';
import { useLabels } from '../lib/labels';
import { METRICS } from './metric-api';

/** The breakdowns offered here: every dimension but team and audience (staff feedback). */
const DIMENSIONS = [
  'touchpoint',
  'channel',
  'locale',
  'lifecycleStage',
  'segment',
  'tier',
  'survey',
  'location',
] as const satisfies readonly Dimension[];

type Driver = DriversAnswer['items'][number];

/** Which groups pull the score down or up: each group's impact on the overall score. */
export function DriversPanel({ filters }: { filters: FeedbackFilters }) {
  const { t } = useTranslation();
  const f = useFormat();
  const labels = useLabels();
  const [metric, setMetric] = useState<Metric>('nps');
  const [by, setBy] = useState<Dimension>('touchpoint');
  const drivers = useQuery({
    queryKey: ['drivers', metric, by, filters],
    queryFn: () =>
      get<DriversAnswer>('/analytics/drivers', { ...filters, metric, by } satisfies DriversQuery),
  });
  const items = drivers.data?.items ?? [];
  const label = (d: Driver) => d.name ?? labels.group(by, d.key);
  return (
    <div className="stack">
      <div className="row card">
        <label>
          {t('feedback.metric')}
          <select value={metric} onChange={(e) => setMetric(e.target.value as Metric)}>
            {METRICS.map((m) => (
              <option key={m} value={m}>
                {labels.metric(m)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('feedback.by')}
          <select value={by} onChange={(e) => setBy(e.target.value as Dimension)}>
            {DIMENSIONS.map((d) => (
              <option key={d} value={d}>
                {labels.dimension(d)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {drivers.isError && <ErrorMessage error={drivers.error} />}
      <ChartPanel
        title={t('feedback.drivers', { metric: labels.metric(metric) })}
        note={t('feedback.driversNote')}
        option={{
          tooltip: {},
          grid: { left: 120, right: 30, top: 10, bottom: 30 },
          xAxis: { type: 'value' },
          yAxis: { type: 'category', data: items.map(label) },
          series: [
            {
              type: 'bar',
              data: items.map((d) => ({
                value: Math.round((d.impact ?? 0) * 100) / 100,
                itemStyle: { color: (d.impact ?? 0) < 0 ? '#c92a2a' : '#2b8a3e' },
              })),
            },
          ],
        }}
        table={{
          rows: items,
          rowKey: (r) => String(r.key),
          exportName: `drivers-${metric}-${by}`,
          columns: [
            { key: 'key', header: labels.dimension(by), render: label },
            { key: 'n', header: t('feedback.n'), numeric: true, render: (r) => f.int(r.n) },
            { key: 'share', header: t('feedback.share'), numeric: true, render: (r) => f.pct(r.share) },
            { key: 'score', header: labels.metric(metric), numeric: true, render: (r) => f.dec(r.score) },
            { key: 'impact', header: t('feedback.impact'), numeric: true, render: (r) => f.num(r.impact) },
          ],
        }}
      />
    </div>
  );
}
