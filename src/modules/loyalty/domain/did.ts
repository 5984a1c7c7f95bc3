import { studentTQuantile } from '../../../lib/stats/student-t';

/**
 * Difference-in-differences over matched pairs: each pair's change of the outcome from the window before
 * the perk to the window after it, the treated customer's minus the matched control's; the estimate is
 * their mean with a 95% interval mean ± t(0.975, n − 1)·sd/√n.
 */
export interface PairedEstimate {
  estimate: number;
  ci95: [number, number];
  n: number;
  standardError: number;
}

export interface PairOutcome {
  treatedBefore: number;
  treatedAfter: number;
  controlBefore: number;
  controlAfter: number;
}

/** The difference in differences of each pair: (treated after − before) − (control after − before). */
export function pairDifferences(pairs: readonly PairOutcome[]): number[] {
  return pairs.map((p) => p.treatedAfter - p.treatedBefore - (p.controlAfter - p.controlBefore));
}

/** Mean of paired differences with its 95% t interval; undefined for fewer than two pairs. */
export function pairedMeanInterval(differences: readonly number[]): PairedEstimate | undefined {
  const n = differences.length;
  if (n < 2) return undefined;
  let mean = 0;
  for (const d of differences) mean += d;
  mean /= n;
  let s = 0;
  for (const d of differences) s += (d - mean) ** 2;
  const standardError = Math.sqrt(s / (n - 1) / n);
  const half = studentTQuantile(0.975, n - 1) * standardError;
  return { estimate: mean, ci95: [mean - half, mean + half], n, standardError };
}

/** The difference-in-differences estimate of matched pairs, with its interval. */
export const differenceInDifferences = (pairs: readonly PairOutcome[]) =>
  pairedMeanInterval(pairDifferences(pairs));
