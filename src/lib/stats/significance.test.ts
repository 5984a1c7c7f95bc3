import { describe, expect, it } from 'vitest';
import { twoProportionZTest, welchTTest, zTestDifference } from './significance';

describe('zTestDifference', () => {
  it('tests a difference of independent estimates', () => {
    // delta 20, variances 61 and 69: se = sqrt(130) = 11.401754, z = 1.754116, p = 2·Φ(−1.754116) = 0.079411
    const r = zTestDifference(20, 61, 69);
    expect(r.statistic).toBeCloseTo(1.754116, 5);
    expect(r.pValue).toBeCloseTo(0.079411, 5);
  });

  it('handles zero standard error', () => {
    expect(zTestDifference(0, 0, 0).pValue).toBe(1);
    expect(zTestDifference(5, 0, 0).pValue).toBe(0);
  });
});

describe('twoProportionZTest', () => {
  it('matches a hand-worked example: 40/50 vs 30/50', () => {
    // pooled p = 70/100 = 0.7; var = 0.7·0.3·(1/50 + 1/50) = 0.0084; se = 0.091652
    // z = (0.8 − 0.6)/0.091652 = 2.182179; p = 2·Φ(−2.182179) = 0.029096
    const r = twoProportionZTest(40, 50, 30, 50)!;
    expect(r.statistic).toBeCloseTo(2.182179, 5);
    expect(r.pValue).toBeCloseTo(0.029096, 5);
  });

  it('is undefined for an empty group and p = 1 for identical degenerate groups', () => {
    expect(twoProportionZTest(1, 0, 1, 2)).toBeNull();
    expect(twoProportionZTest(10, 10, 5, 5)!.pValue).toBe(1);
  });
});

describe('welchTTest', () => {
  it('matches a hand-worked example', () => {
    // A: n 6, mean 4, var 2 → var/n = 0.333333
    // B: n 8, mean 5.75, var 7.5/7 = 1.071429 → var/n = 0.133929
    // se² = 0.467262, t = −1.75/0.683566 = −2.560105
    // df = 0.467262²/(0.333333²/5 + 0.133929²/7) = 0.218334/0.024785 = 8.809237
    // p = 2·T(−2.560105; 8.809) = 0.031189
    const r = welchTTest({ n: 6, mean: 4, variance: 2 }, { n: 8, mean: 5.75, variance: 7.5 / 7 })!;
    expect(r.statistic).toBeCloseTo(-2.560105, 5);
    expect(r.df).toBeCloseTo(8.809237, 5);
    expect(r.pValue).toBeCloseTo(0.031189, 5);
  });

  it('needs two answers per group', () => {
    expect(welchTTest({ n: 1, mean: 4, variance: Number.NaN }, { n: 5, mean: 3, variance: 1 })).toBeNull();
  });

  it('handles two constant groups', () => {
    expect(welchTTest({ n: 3, mean: 4, variance: 0 }, { n: 3, mean: 4, variance: 0 })!.pValue).toBe(1);
    expect(welchTTest({ n: 3, mean: 4, variance: 0 }, { n: 3, mean: 5, variance: 0 })!.pValue).toBe(0);
  });
});
