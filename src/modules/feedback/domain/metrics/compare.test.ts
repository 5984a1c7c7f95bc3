import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareCes, compareCsat, compareNps } from './compare';

const nps = (d: number, p: number, pr: number) => [d, 0, 0, 0, 0, 0, 0, p, 0, 0, pr];

describe('compareNps', () => {
  it('matches a hand-worked example', () => {
    // current:  50 promoters, 30 passives, 20 detractors → NPS 30, var = 0.61/100·100² = 61
    // previous: 40 promoters, 30 passives, 30 detractors → NPS 10, var = (0.7 − 0.01)/100·100² = 69
    // delta = 20; z = 20/sqrt(61 + 69) = 20/11.401754 = 1.754116; p = 2·Φ(−1.754116) = 0.079411
    const r = compareNps(nps(20, 30, 50), nps(30, 30, 40))!;
    expect(r.delta).toBeCloseTo(20, 10);
    expect(r.statistic).toBeCloseTo(1.754116, 5);
    expect(r.pValue).toBeCloseTo(0.079411, 5);
    expect(r.smallSample).toBe(false);
  });

  it('is null when a period has no answers', () => {
    expect(compareNps(nps(0, 0, 0), nps(1, 1, 1))).toBeNull();
  });

  it('property: swapping periods negates delta and keeps the p-value', () => {
    const arb = fc
      .array(fc.integer({ min: 0, max: 200 }), { minLength: 11, maxLength: 11 })
      .filter((c) => c.some((x) => x > 0));
    fc.assert(
      fc.property(arb, arb, (a, b) => {
        const ab = compareNps(a, b)!;
        const ba = compareNps(b, a)!;
        expect(ab.delta).toBeCloseTo(-ba.delta, 9);
        expect(ab.pValue!).toBeCloseTo(ba.pValue!, 12);
        expect(ab.pValue!).toBeGreaterThanOrEqual(0);
        expect(ab.pValue!).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('compareCsat', () => {
  it('matches a hand-worked example: 40/50 vs 30/50 satisfied', () => {
    // delta = 80% − 60% = 20 points; pooled z = 2.182179; p = 0.029096
    const r = compareCsat([0, 5, 5, 20, 20], [5, 5, 10, 10, 20])!;
    expect(r.delta).toBeCloseTo(20, 10);
    expect(r.statistic).toBeCloseTo(2.182179, 5);
    expect(r.pValue).toBeCloseTo(0.029096, 5);
  });
});

describe('compareCes', () => {
  it('matches a hand-worked Welch example', () => {
    // current 2,3,4,4,5,6 (mean 4, var 2); previous 4,5,5,6,6,6,7,7 (mean 5.75, var 7.5/7)
    // delta = −1.75; t = −2.560105; df = 8.809237; p = 0.031189
    const r = compareCes([0, 1, 1, 2, 1, 1, 0], [0, 0, 0, 1, 2, 3, 2])!;
    expect(r.delta).toBeCloseTo(-1.75, 10);
    expect(r.statistic).toBeCloseTo(-2.560105, 5);
    expect(r.pValue).toBeCloseTo(0.031189, 5);
    expect(r.smallSample).toBe(true);
  });

  it('has a delta but no p-value when a side has one answer', () => {
    const r = compareCes([0, 0, 0, 0, 0, 0, 1], [0, 1, 1, 2, 1, 1, 0])!;
    expect(r.delta).toBe(3);
    expect(r.pValue).toBeNull();
  });
});

describe('comparison p-values', () => {
  it('property: lie in [0, 1] and do not depend on the order of the periods', () => {
    const arb = (size: number) =>
      fc
        .array(fc.integer({ min: 0, max: 100 }), { minLength: size, maxLength: size })
        .filter((c) => c.some((x) => x > 0));
    fc.assert(
      fc.property(arb(5), arb(5), arb(7), arb(7), (csatA, csatB, cesA, cesB) => {
        for (const [ab, ba] of [
          [compareCsat(csatA, csatB)!, compareCsat(csatB, csatA)!],
          [compareCes(cesA, cesB)!, compareCes(cesB, cesA)!],
        ]) {
          expect(ab.delta).toBeCloseTo(-ba.delta, 9);
          expect(ab.pValue === null).toBe(ba.pValue === null);
          if (ab.pValue !== null) {
            expect(ab.pValue).toBeGreaterThanOrEqual(0);
            expect(ab.pValue).toBeLessThanOrEqual(1);
            expect(ab.pValue).toBeCloseTo(ba.pValue!, 9);
          }
        }
      }),
    );
  });
});
