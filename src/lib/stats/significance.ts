import { twoSidedPFromZ } from './normal';
import { twoSidedPFromT } from './student-t';

export interface TestResult {
  /** The test statistic (z or t). */
  statistic: number;
  pValue: number;
}

export interface WelchResult extends TestResult {
  /** Welch–Satterthwaite degrees of freedom. */
  df: number;
}

/**
 * z-test of a difference whose two parts are independent estimates with known variances
 * (the variance of each estimate, not of one observation).
 * A zero standard error is a degenerate sample (every answer identical in both groups):
 * equal estimates give p = 1, different ones p = 0.
 */
export function zTestDifference(delta: number, varianceA: number, varianceB: number): TestResult {
  const se = Math.sqrt(varianceA + varianceB);
  if (se === 0)
    return { statistic: delta === 0 ? 0 : Math.sign(delta) * Infinity, pValue: delta === 0 ? 1 : 0 };
  const z = delta / se;
  return { statistic: z, pValue: twoSidedPFromZ(z) };
}

/**
 * Two-proportion z-test with the pooled proportion under H0: pA = pB.
 * Statistic sign follows pA − pB. Returns null when a group is empty.
 */
export function twoProportionZTest(
  successesA: number,
  nA: number,
  successesB: number,
  nB: number,
): TestResult | null {
  if (nA <= 0 || nB <= 0) return null;
  const pA = successesA / nA;
  const pB = successesB / nB;
  const pooled = (successesA + successesB) / (nA + nB);
  const variance = pooled * (1 - pooled) * (1 / nA + 1 / nB);
  // Pooled p of 0 or 1 means both groups are identical (all successes or none).
  if (variance === 0) return { statistic: 0, pValue: 1 };
  const z = (pA - pB) / Math.sqrt(variance);
  return { statistic: z, pValue: twoSidedPFromZ(z) };
}

export interface SampleSummary {
  n: number;
  mean: number;
  /** Unbiased sample variance. */
  variance: number;
}

/**
 * Welch's unequal-variance t-test from summaries, statistic sign following meanA − meanB.
 * Returns null when either group has fewer than two answers (no variance estimate).
 */
export function welchTTest(a: SampleSummary, b: SampleSummary): WelchResult | null {
  if (a.n < 2 || b.n < 2) return null;
  const va = a.variance / a.n;
  const vb = b.variance / b.n;
  const delta = a.mean - b.mean;
  const se2 = va + vb;
  if (se2 === 0) {
    return {
      statistic: delta === 0 ? 0 : Math.sign(delta) * Infinity,
      df: a.n + b.n - 2,
      pValue: delta === 0 ? 1 : 0,
    };
  }
  const t = delta / Math.sqrt(se2);
  // Welch–Satterthwaite; a zero-variance group contributes nothing to the denominator.
  const df = (se2 * se2) / ((va * va) / (a.n - 1) + (vb * vb) / (b.n - 1));
  return { statistic: t, df, pValue: twoSidedPFromT(t, df) };
}
