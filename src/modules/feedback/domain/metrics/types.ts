import type { MetricKind } from './scales';

/** Fields every metric result shares; shaped for the metrics endpoint `{score, n, ci95, counts, ...}`. */
export interface MetricResultBase {
  metric: MetricKind;
  /** Null when there are no answers. */
  score: number | null;
  n: number;
  /** 95% interval around `score`; null when it cannot be estimated (no answers, or CES with one answer). */
  ci95: [number, number] | null;
  /** True when n is below the small-sample threshold: show the number, but with a warning. */
  smallSample: boolean;
  /** Answers per scale value, lowest value first (a copy of the input). */
  distribution: number[];
}

export interface NpsResult extends MetricResultBase {
  metric: 'nps';
  counts: { promoters: number; passives: number; detractors: number };
  /** Variance of the score in points² (the interval's and the z-test's input); null when n = 0. */
  variance: number | null;
}

export interface CsatResult extends MetricResultBase {
  metric: 'csat';
  counts: { satisfied: number; neutral: number; dissatisfied: number };
  /** Mean answer on 1–5. */
  mean: number | null;
}

export interface CesResult extends MetricResultBase {
  metric: 'ces';
  counts: { agree: number; neutral: number; disagree: number };
  /** Mean answer on 1–7; equals `score`. */
  mean: number | null;
  /** Unbiased sample variance of the answers; null when n < 2. */
  variance: number | null;
  /** Share of answers 5–7, in percent. */
  agreePercent: number | null;
}

export type MetricResult = NpsResult | CsatResult | CesResult;

/** Change of a score between two periods (or two groups). */
export interface ScoreChange {
  /** current − previous, in the score's own units (NPS points, CSAT percentage points, CES scale points). */
  delta: number;
  /** Two-sided p-value of "no change"; null when the test is undefined (e.g. CES with fewer than 2 answers). */
  pValue: number | null;
  /** The test statistic (z, or t for CES); null with pValue. */
  statistic: number | null;
  /** True when either side is below the small-sample threshold. */
  smallSample: boolean;
}
