import { twoProportionZTest, welchTTest, zTestDifference } from '../../../../lib/stats/significance';
import { computeCes } from './ces';
import { computeCsat } from './csat';
import { computeNps } from './nps';
import { SMALL_SAMPLE_THRESHOLD } from './scales';
import type { ScoreChange } from './types';

// All comparisons take counts (as the DB hands them over) for the current period first and the
// baseline second, and return null when either side has no answers: there is no change to report.

function isSmall(nA: number, nB: number): boolean {
  return nA < SMALL_SAMPLE_THRESHOLD || nB < SMALL_SAMPLE_THRESHOLD;
}

/**
 * NPS change with a two-sided z-test: z = (NPS₁ − NPS₂)/sqrt(var₁ + var₂), each variance being
 * the score's own (pP + pD − (pP − pD)²)/n in points². The two periods are independent samples.
 */
export function compareNps(current: readonly number[], previous: readonly number[]): ScoreChange | null {
  const a = computeNps(current);
  const b = computeNps(previous);
  if (a.score === null || b.score === null) return null;
  const delta = a.score - b.score;
  const test = zTestDifference(delta, a.variance!, b.variance!);
  return { delta, pValue: test.pValue, statistic: test.statistic, smallSample: isSmall(a.n, b.n) };
}

/** CSAT change (percentage points) with the pooled two-proportion z-test on the top-2-box shares. */
export function compareCsat(current: readonly number[], previous: readonly number[]): ScoreChange | null {
  const a = computeCsat(current);
  const b = computeCsat(previous);
  if (a.score === null || b.score === null) return null;
  const test = twoProportionZTest(a.counts.satisfied, a.n, b.counts.satisfied, b.n)!;
  return {
    delta: a.score - b.score,
    pValue: test.pValue,
    statistic: test.statistic,
    smallSample: isSmall(a.n, b.n),
  };
}

/** CES change (scale points) with Welch's t-test on the two (n, mean, variance) summaries. */
export function compareCes(current: readonly number[], previous: readonly number[]): ScoreChange | null {
  const a = computeCes(current);
  const b = computeCes(previous);
  if (a.score === null || b.score === null) return null;
  const test =
    a.variance !== null && b.variance !== null
      ? welchTTest(
          { n: a.n, mean: a.score, variance: a.variance },
          { n: b.n, mean: b.score, variance: b.variance },
        )
      : null;
  return {
    delta: a.score - b.score,
    pValue: test?.pValue ?? null,
    statistic: test?.statistic ?? null,
    smallSample: isSmall(a.n, b.n),
  };
}
