import { useQuery } from '@tanstack/react-query';
import type { FeedbackFilters, Metric, MetricAnswer, MetricQuery } from '../../../src/http/api-types';
import { get } from '../api/client';
import { keysOf } from '../lib/domain';

/** The feedback metrics, in the order the dashboard shows them. */
export const METRICS = keysOf<Metric>({ nps: true, csat: true, ces: true });

/** One metric with its interval, grouped (by month, touchpoint, …) and optionally compared. */
export function useMetric(metric: Metric, filters: FeedbackFilters, groupBy?: string, compare = false) {
  return useQuery({
    queryKey: ['metric', metric, filters, groupBy, compare],
    queryFn: () =>
      get<MetricAnswer>(`/metrics/${metric}`, {
        ...filters,
        groupBy,
        ...(compare && filters.from ? { compare: 'previous' as const } : {}),
      } satisfies MetricQuery),
  });
}

/** How a score reads: NPS as a signed whole number, CSAT as a percentage, CES as a mean. */
export function scoreText(
  metric: Metric,
  score: number | null | undefined,
  dec: (v: number) => string,
): string {
  if (score === null || score === undefined) return '—';
  if (metric === 'nps') return `${score > 0 ? '+' : ''}${Math.round(score)}`;
  if (metric === 'csat') return `${dec(score)} %`;
  return dec(score);
}
