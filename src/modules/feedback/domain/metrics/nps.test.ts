import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeNps, npsClassOf } from './nps';

/** Counts with the given numbers of detractors (all 0), passives (all 7) and promoters (all 10). */
function npsCounts(detractors: number, passives: number, promoters: number): number[] {
  return [detractors, 0, 0, 0, 0, 0, 0, passives, 0, 0, promoters];
}

const countsArb = fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 11, maxLength: 11 });
const nonEmptyCountsArb = countsArb.filter((c) => c.some((x) => x > 0));

describe('computeNps', () => {
  it('matches a hand-worked example: 50 promoters, 30 passives, 20 detractors', () => {
    // pP = 0.5, pD = 0.2, score = 100·(0.5 − 0.2) = 30
    // var = (0.5 + 0.2 − 0.3²)/100 = 0.61/100 = 0.0061; sqrt = 0.078102
    // half = 1.959964·0.0781025·100 = 15.307808 → [14.692192, 45.307808]
    const r = computeNps(npsCounts(20, 30, 50));
    expect(r.score).toBeCloseTo(30, 10);
    expect(r.n).toBe(100);
    expect(r.ci95![0]).toBeCloseTo(14.692192, 5);
    expect(r.ci95![1]).toBeCloseTo(45.307808, 5);
    expect(r.variance).toBeCloseTo(61, 8); // 0.0061·100² points²
    expect(r.counts).toEqual({ promoters: 50, passives: 30, detractors: 20 });
    expect(r.smallSample).toBe(false);
  });

  it('classifies every scale value', () => {
    // 0..6 detractors (7 answers), 7..8 passives (2), 9..10 promoters (2): score = 100·(2 − 7)/11 = −45.4545
    const r = computeNps([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(r.counts).toEqual({ promoters: 2, passives: 2, detractors: 7 });
    expect(r.score).toBeCloseTo(-45.454545, 5);
    expect([0, 6, 7, 8, 9, 10].map(npsClassOf)).toEqual([
      'detractor',
      'detractor',
      'passive',
      'passive',
      'promoter',
      'promoter',
    ]);
  });

  it('clamps the interval to [−100, 100]', () => {
    // 9 promoters, 1 passive: score 90, var = (0.9 − 0.81)/10 = 0.009, half = 1.959964·0.094868·100 = 18.59
    const r = computeNps(npsCounts(0, 1, 9));
    expect(r.score).toBeCloseTo(90, 10);
    expect(r.ci95![1]).toBe(100);
    expect(r.ci95![0]).toBeCloseTo(90 - 18.593805, 4);
    expect(r.smallSample).toBe(true);
  });

  it('reports no score without answers', () => {
    const r = computeNps(npsCounts(0, 0, 0));
    expect(r).toMatchObject({ score: null, ci95: null, n: 0, smallSample: true, variance: null });
  });

  it('rejects malformed counts', () => {
    expect(() => computeNps([1, 2, 3])).toThrow(RangeError);
    expect(() => computeNps([...npsCounts(1, 1, 1).slice(0, 10), -1])).toThrow(RangeError);
    expect(() => computeNps([...npsCounts(1, 1, 1).slice(0, 10), 0.5])).toThrow(RangeError);
  });

  it('property: score lies in [−100, 100] and inside its interval', () => {
    fc.assert(
      fc.property(nonEmptyCountsArb, (counts) => {
        const r = computeNps(counts);
        expect(r.score!).toBeGreaterThanOrEqual(-100);
        expect(r.score!).toBeLessThanOrEqual(100);
        const [lo, hi] = r.ci95!;
        expect(lo).toBeGreaterThanOrEqual(-100);
        expect(hi).toBeLessThanOrEqual(100);
        expect(lo).toBeLessThanOrEqual(r.score! + 1e-9);
        expect(hi).toBeGreaterThanOrEqual(r.score! - 1e-9);
      }),
    );
  });

  it('property: scaling every count by k > 1 keeps the score and narrows the interval', () => {
    fc.assert(
      fc.property(nonEmptyCountsArb, fc.integer({ min: 2, max: 50 }), (counts, k) => {
        const a = computeNps(counts);
        const b = computeNps(counts.map((c) => c * k));
        expect(b.score!).toBeCloseTo(a.score!, 9);
        const widthA = a.ci95![1] - a.ci95![0];
        const widthB = b.ci95![1] - b.ci95![0];
        expect(widthB).toBeLessThanOrEqual(widthA + 1e-9);
        // The unclamped half-width shrinks exactly by √k.
        expect(Math.sqrt(b.variance!)).toBeCloseTo(Math.sqrt(a.variance!) / Math.sqrt(k), 9);
        // The narrower interval sits inside the wider one.
        expect(b.ci95![0]).toBeGreaterThanOrEqual(a.ci95![0] - 1e-9);
        expect(b.ci95![1]).toBeLessThanOrEqual(a.ci95![1] + 1e-9);
      }),
    );
  });
});
