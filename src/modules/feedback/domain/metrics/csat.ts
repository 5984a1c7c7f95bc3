import { summarizeCounts } from '../../../../lib/stats/scale-summary';
import { wilsonInterval } from '../../../../lib/stats/wilson';
import { assertCounts, SMALL_SAMPLE_THRESHOLD } from './scales';
import type { CsatResult } from './types';

/**
 * Customer satisfaction from answer counts for the values 1..5.
 *
 * score = percentage of answers 4–5 (top-2-box), with the Wilson 95% interval (in percent):
 * unlike the Wald interval it stays within 0–100 and does not collapse when everyone answers alike.
 */
export function computeCsat(counts: readonly number[]): CsatResult {
  assertCounts('csat', counts);
  const dissatisfied = counts[0] + counts[1];
  const neutral = counts[2];
  const satisfied = counts[3] + counts[4];
  const { n, mean } = summarizeCounts(counts, 1);
  const base = {
    metric: 'csat' as const,
    n,
    smallSample: n < SMALL_SAMPLE_THRESHOLD,
    distribution: [...counts],
    counts: { satisfied, neutral, dissatisfied },
  };
  if (n === 0) return { ...base, score: null, ci95: null, mean: null };
  const [lo, hi] = wilsonInterval(satisfied, n)!;
  return { ...base, score: (100 * satisfied) / n, ci95: [100 * lo, 100 * hi], mean };
}
