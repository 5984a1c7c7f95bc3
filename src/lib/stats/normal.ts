import normalCdf from '@stdlib/stats-base-dists-normal-cdf';

/** Two-sided 95% critical value of the standard normal distribution. */
export const Z_95 = 1.959963984540054;

/** Standard normal cumulative distribution function Φ(z). */
export function standardNormalCdf(z: number): number {
  return normalCdf(z, 0, 1);
}

/**
 * Two-sided p-value of a z statistic: 2·Φ(−|z|).
 * Evaluated in the lower tail so that very large |z| keep their precision (1 − Φ(z) would round to 0).
 */
export function twoSidedPFromZ(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  return Math.min(1, 2 * normalCdf(-Math.abs(z), 0, 1));
}
