import { computeCes } from './ces';
import { compareCes, compareCsat, compareNps } from './compare';
import { computeCsat } from './csat';
import { computeNps } from './nps';
import type { MetricKind } from './scales';
import type { CesResult, CsatResult, NpsResult, ScoreChange } from './types';

type ResultOf<K extends MetricKind> = K extends 'nps' ? NpsResult : K extends 'csat' ? CsatResult : CesResult;

/** Compute any metric by name, for callers that take the kind from a URL (`/metrics/{nps|csat|ces}`). */
export function computeMetric<K extends MetricKind>(kind: K, counts: readonly number[]): ResultOf<K> {
  switch (kind) {
    case 'nps':
      return computeNps(counts) as ResultOf<K>;
    case 'csat':
      return computeCsat(counts) as ResultOf<K>;
    case 'ces':
      return computeCes(counts) as ResultOf<K>;
    default:
      throw new RangeError(`unknown metric ${String(kind)}`);
  }
}

/** Compare two periods of any metric by name; see compareNps / compareCsat / compareCes. */
export function compareMetric(
  kind: MetricKind,
  current: readonly number[],
  previous: readonly number[],
): ScoreChange | null {
  switch (kind) {
    case 'nps':
      return compareNps(current, previous);
    case 'csat':
      return compareCsat(current, previous);
    case 'ces':
      return compareCes(current, previous);
    default:
      throw new RangeError(`unknown metric ${String(kind)}`);
  }
}
