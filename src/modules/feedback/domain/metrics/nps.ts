import { clamp } from '../../../../lib/stats/clamp';
import { Z_95 } from '../../../../lib/stats/normal';
import { assertCounts, SMALL_SAMPLE_THRESHOLD } from './scales';
import type { NpsResult } from './types';

/** Promoters 9–10, passives 7–8, detractors 0–6, as the NPS definition has it. */
export function npsClassOf(value: number): 'detractor' | 'passive' | 'promoter' {
  if (value >= 9) return 'promoter';
  if (value >= 7) return 'passive';
  return 'detractor';
}

/**
 * Net Promoter Score from answer counts for the values 0..10.
 *
 * score = 100·(pP − pD). Each answer is +1, 0 or −1, so the variance of the mean of n answers is
 * (pP + pD − (pP − pD)²)/n; the 95% interval is score ± 1.96·sqrt(var)·100, clamped to [−100, 100].
 * When every answer falls in one class the variance is 0 and the interval a point: that is what
 * the formula says, and `smallSample` carries the warning for the small n where it matters.
 */
export function computeNps(counts: readonly number[]): NpsResult {
  assertCounts('nps', counts);
  let detractors = 0;
  for (let v = 0; v <= 6; v++) detractors += counts[v];
  const passives = counts[7] + counts[8];
  const promoters = counts[9] + counts[10];
  const n = detractors + passives + promoters;
  const base = {
    metric: 'nps' as const,
    n,
    smallSample: n < SMALL_SAMPLE_THRESHOLD,
    distribution: [...counts],
    counts: { promoters, passives, detractors },
  };
  if (n === 0) return { ...base, score: null, ci95: null, variance: null };
  const pP = promoters / n;
  const pD = detractors / n;
  const diff = pP - pD;
  const varianceUnit = Math.max(0, (pP + pD - diff * diff) / n);
  const score = 100 * diff;
  const half = Z_95 * Math.sqrt(varianceUnit) * 100;
  return {
    ...base,
    score,
    ci95: [clamp(score - half, -100, 100), clamp(score + half, -100, 100)],
    variance: varianceUnit * 10_000,
  };
}
