import { Z_95 } from '../../../lib/stats/normal';
import { studentTQuantile } from '../../../lib/stats/student-t';
import { wilsonInterval } from '../../../lib/stats/wilson';

/**
 * Newcombe's hybrid score interval for a difference of two independent proportions p1 − p2
 * (Newcombe 1998, "Interval estimation for the difference between independent proportions",
 * Statistics in Medicine 17:873–890, method 10): the Wilson score interval of each proportion,
 * (l1, u1) and (l2, u2), combined as
 *   lower = D − √((p1 − l1)² + (u2 − p2)²),  upper = D + √((u1 − p1)² + (p2 − l2)²).
 * It stays inside [−1, 1] and keeps its coverage for small groups and rates near 0 or 1.
 * Null when a group is empty.
 */
export function newcombeInterval(
  x1: number,
  n1: number,
  x2: number,
  n2: number,
  z = Z_95,
): { difference: number; ci95: [number, number] } | null {
  const w1 = wilsonInterval(x1, n1, z);
  const w2 = wilsonInterval(x2, n2, z);
  if (!w1 || !w2) return null;
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const d = p1 - p2;
  const lower = d - Math.sqrt((p1 - w1[0]) ** 2 + (w2[1] - p2) ** 2);
  const upper = d + Math.sqrt((w1[1] - p1) ** 2 + (p2 - w2[0]) ** 2);
  return { difference: d, ci95: [lower, upper] };
}

/** A group's values summarised: count, mean and unbiased variance. */
export type Summary = { n: number; mean: number; variance: number };

/**
 * The difference of two means with Welch's 95% interval: mean1 − mean2 ± t(0.975, ν)·√(s1²/n1 + s2²/n2),
 * ν by Welch–Satterthwaite. Null when a group has fewer than two values.
 */
export function welchInterval(a: Summary, b: Summary): { difference: number; ci95: [number, number] } | null {
  if (a.n < 2 || b.n < 2) return null;
  const va = a.variance / a.n;
  const vb = b.variance / b.n;
  const d = a.mean - b.mean;
  const se2 = va + vb;
  if (se2 === 0) return { difference: d, ci95: [d, d] };
  const df = (se2 * se2) / ((va * va) / (a.n - 1) + (vb * vb) / (b.n - 1));
  const half = studentTQuantile(0.975, df) * Math.sqrt(se2);
  return { difference: d, ci95: [d - half, d + half] };
}

/** Below this many customers in either group an offer's results say "not enough data yet". */
export const MIN_GROUP = 30;

/** One arm of an offer's experiment, as the database sums it. */
export type ArmCounts = { n: number; converted: number; revenueMean: number; revenueVariance: number };

/**
 * An offer's incremental effect: conversion of the customers shown it against those held out
 * (Newcombe's interval), and revenue per customer (Welch's interval); `enough` is false while
 * either group has fewer than `MIN_GROUP` customers, and the differences are then left out.
 */
export function offerUplift(shown: ArmCounts, holdout: ArmCounts, minGroup = MIN_GROUP) {
  const rate = (a: ArmCounts) => (a.n > 0 ? a.converted / a.n : null);
  const enough = shown.n >= minGroup && holdout.n >= minGroup;
  const conversion = enough ? newcombeInterval(shown.converted, shown.n, holdout.converted, holdout.n) : null;
  const revenue = enough
    ? welchInterval(
        { n: shown.n, mean: shown.revenueMean, variance: shown.revenueVariance },
        { n: holdout.n, mean: holdout.revenueMean, variance: holdout.revenueVariance },
      )
    : null;
  return {
    enough,
    shownRate: rate(shown),
    holdoutRate: rate(holdout),
    shownRateCi95: wilsonInterval(shown.converted, shown.n),
    holdoutRateCi95: wilsonInterval(holdout.converted, holdout.n),
    incrementalConversion: conversion,
    incrementalRevenuePerCustomer: revenue,
  };
}
