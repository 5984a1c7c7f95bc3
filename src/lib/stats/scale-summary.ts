/** Sufficient statistics of answers on an integer scale. */
export interface ScaleSummary {
  n: number;
  mean: number;
  /** Unbiased sample variance (divisor n − 1); NaN when n < 2. */
  variance: number;
}

/**
 * Summarise a histogram of answers: `counts[i]` answers had the value `minValue + i`.
 * Works from counts so that callers can hand over a GROUP BY result instead of raw rows.
 * Two passes (mean, then squared deviations) to avoid the cancellation of Σx² − n·x̄².
 */
export function summarizeCounts(counts: readonly number[], minValue: number): ScaleSummary {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < counts.length; i++) {
    n += counts[i];
    sum += counts[i] * (minValue + i);
  }
  if (n === 0) return { n: 0, mean: Number.NaN, variance: Number.NaN };
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < counts.length; i++) {
    const d = minValue + i - mean;
    ss += counts[i] * d * d;
  }
  return { n, mean, variance: n > 1 ? ss / (n - 1) : Number.NaN };
}
