import { summarizeCounts } from '../../../../lib/stats/scale-summary';
import { studentTQuantile } from '../../../../lib/stats/student-t';
import { assertCounts, SMALL_SAMPLE_THRESHOLD } from './scales';
import type { CesResult } from './types';

/**
 * Customer effort score from answer counts for the values 1..7 ("the company made it easy for me").
 *
 * score = mean answer, with the Student t 95% interval mean ± t(0.975, n−1)·s/√n clamped to [1, 7];
 * t rather than z because effort surveys are often small. agreePercent = share of answers 5–7.
 * One answer gives a score but no interval (no variance estimate).
 */
export function computeCes(counts: readonly number[]): CesResult {
  assertCounts('ces', counts);
  const disagree = counts[0] + counts[1] + counts[2];
  const neutral = counts[3];
  const agree = counts[4] + counts[5] + counts[6];
  const { n, mean, variance } = summarizeCounts(counts, 1);
  const base = {
    metric: 'ces' as const,
    n,
    smallSample: n < SMALL_SAMPLE_THRESHOLD,
    distribution: [...counts],
    counts: { agree, neutral, disagree },
  };
  if (n === 0) return { ...base, score: null, ci95: null, mean: null, variance: null, agreePercent: null };
  const agreePercent = (100 * agree) / n;
  if (n < 2) return { ...base, score: mean, ci95: null, mean, variance: null, agreePercent };
  const half = studentTQuantile(0.975, n - 1) * Math.sqrt(variance / n);
  return {
    ...base,
    score: mean,
    ci95: [Math.max(1, mean - half), Math.min(7, mean + half)],
    mean,
    variance,
    agreePercent,
  };
}
