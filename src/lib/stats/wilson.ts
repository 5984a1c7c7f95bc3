import { Z_95 } from './normal';

/**
 * Wilson score interval for a binomial proportion.
 * Chosen over the Wald interval because it stays inside [0, 1] and keeps honest coverage
 * for small n and for proportions near 0 or 1 (Wald collapses to a point there).
 * Returns null when there are no trials.
 */
export function wilsonInterval(successes: number, n: number, z: number = Z_95): [number, number] | null {
  if (n <= 0) return null;
  const p = successes / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  // At 0 or n successes the bound is exactly 0 or 1; elsewhere clamp only floating-point overshoot.
  const lo = successes === 0 ? 0 : Math.max(0, centre - half);
  const hi = successes === n ? 1 : Math.min(1, centre + half);
  return [lo, hi];
}
