import { useQuery } from '@tanstack/react-query';
import { get } from '../api/client';

export const METRICS = ['nps', 'csat', 'ces'] as const;
export type Metric = (typeof METRICS)[number];

export type Figure = {
  score: number | null;
  n: number;
  ci95: [number, number] | null;
  counts: Record<string, number>;
  smallSample: boolean;
};

export type MetricAnswer =
  | (Figure & {
      metric: Metric;
      suppressed: false;
      distribution: number[];
      mean?: number | null;
      agreePercent?: number | null;
      groups: (Figure & { key: string | null })[];
      withheldGroups: number;
      notice?: string;
      change?: { delta: number; pValue: number | null; previous: { score: number | null; n: number } };
    })
  | { metric: Metric; suppressed: true; anonymityThreshold: number; message: string };

export type FeedbackFilters = {
  from?: string;
  to?: string;
  surveyId?: string;
  touchpoint?: string;
  channel?: string;
  locale?: string;
  stage?: string;
};

/** One metric with its interval, grouped (by month, touchpoint, …) and optionally compared. */
export function useMetric(metric: Metric, filters: FeedbackFilters, groupBy?: string, compare = false) {
  return useQuery({
    queryKey: ['metric', metric, filters, groupBy, compare],
    queryFn: () =>
      get<MetricAnswer>(`/metrics/${metric}`, {
        ...filters,
        groupBy,
        ...(compare && filters.from ? { compare: 'previous' } : {}),
      }),
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
