import { describe, expect, it } from 'vitest';
import { rankTerms } from './fightin-words';
import { createTermCounts, type TermCounts } from './term-counts';

function counts(cls: string, terms: Record<string, number>): TermCounts {
  const c = createTermCounts('en', cls);
  for (const [k, n] of Object.entries(terms)) c.terms.set(k, { count: n, label: k });
  c.answers = 10;
  return c;
}

describe('rankTerms (weighted log-odds with informative Dirichlet prior)', () => {
  const detractors = counts('detractor', { late: 8, good: 2 });
  const promoters = counts('promoter', { late: 2, good: 8 });

  it('matches a hand-worked example with the pooled prior', () => {
    // n = m = 10; background = pooled: b_late = b_good = 10, B = 20; α₀ = B = 20 → α_w = 20·10/20 = 10
    // δ_late = ln((8+10)/(10+20−8−10)) − ln((2+10)/(10+20−2−10)) = ln(18/12) − ln(12/18) = 2·ln 1.5 = 0.810930
    // σ² = 1/18 + 1/12 = 0.138889, σ = 0.372678, z = 0.810930/0.372678 = 2.175955
    const [late, good] = rankTerms(detractors, promoters, { minCount: 1 });
    expect(late.key).toBe('late');
    expect(late.logOddsRatio).toBeCloseTo(0.81093, 5);
    expect(late.zScore).toBeCloseTo(2.175955, 5);
    expect(good.zScore).toBeCloseTo(-2.175955, 5);
    expect(late).toMatchObject({ focusCount: 8, referenceCount: 2, label: 'late' });
  });

  it('matches a hand-worked example with a weak prior', () => {
    // α₀ = 2 → α_w = 2·10/20 = 1
    // δ_late = ln(9/(10+2−8−1)) − ln(3/(10+2−2−1)) = ln 3 − ln(1/3) = 2·ln 3 = 2.197225
    // σ² = 1/9 + 1/3 = 0.444444, σ = 0.666667, z = 3.295837
    const [late] = rankTerms(detractors, promoters, { priorStrength: 2 });
    expect(late.logOddsRatio).toBeCloseTo(2.197225, 5);
    expect(late.zScore).toBeCloseTo(3.295837, 5);
  });

  it('shrinks rare words below frequent ones with the same ratio', () => {
    const d = counts('detractor', { rare: 2, common: 40, filler: 100 });
    const p = counts('promoter', { common: 0, filler: 100, other: 2 });
    const ranked = rankTerms(d, p, { minCount: 1 });
    expect(ranked[0].key).toBe('common');
    expect(ranked.find((t) => t.key === 'rare')!.zScore).toBeLessThan(ranked[0].zScore);
  });

  it('respects minCount and handles empty classes', () => {
    expect(rankTerms(detractors, promoters, { minCount: 11 })).toEqual([]);
    expect(rankTerms(detractors, createTermCounts('en', 'promoter'))).toEqual([]);
  });

  it('uses an external background for the prior', () => {
    // Background says "late" is rare in general: α_late = 20·1/(1+19) = 1, α_good = 19
    const background = counts('all', { late: 1, good: 19 });
    const [top] = rankTerms(detractors, promoters, { background: [background], minCount: 1 });
    expect(top.key).toBe('late');
    // δ_late = ln(9/(10+20−8−1)) − ln(3/(10+20−2−1)) = ln(9/21) − ln(3/27) = 1.349927
    expect(top.logOddsRatio).toBeCloseTo(1.349927, 5);
  });
});
