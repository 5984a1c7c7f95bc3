import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';

/** Quantile of Student's t distribution with `df` degrees of freedom (df may be fractional, as in Welch's test). */
export function studentTQuantile(p: number, df: number): number {
  return tQuantile(p, df);
}

/** Two-sided p-value of a t statistic: 2·F(−|t|; df), computed in the lower tail for precision. */
export function twoSidedPFromT(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return Number.NaN;
  return Math.min(1, 2 * tCdf(-Math.abs(t), df));
}
