import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCes } from './ces';

describe('computeCes', () => {
  it('matches a hand-worked example', () => {
    // answers 2,3,4,4,5,6 → counts 1..7 = [0,1,1,2,1,1,0]; n = 6, mean = 24/6 = 4
    // variance = (4+1+0+0+1+4)/5 = 2; s/√n = sqrt(2/6) = 0.577350
    // t(0.975; 5) = 2.570582; half = 2.570582·0.577350 = 1.484126 → [2.515874, 5.484126]
    // agree (5–7) = 2 of 6 = 33.33%
    const r = computeCes([0, 1, 1, 2, 1, 1, 0]);
    expect(r.score).toBe(4);
    expect(r.mean).toBe(4);
    expect(r.variance).toBe(2);
    expect(r.ci95![0]).toBeCloseTo(2.515874, 5);
    expect(r.ci95![1]).toBeCloseTo(5.484126, 5);
    expect(r.agreePercent).toBeCloseTo(33.333333, 5);
    expect(r.counts).toEqual({ agree: 2, neutral: 2, disagree: 2 });
    expect(r.smallSample).toBe(true);
  });

  it('gives a score but no interval for a single answer', () => {
    const r = computeCes([0, 0, 0, 0, 0, 1, 0]);
    expect(r).toMatchObject({ score: 6, ci95: null, agreePercent: 100, variance: null, n: 1 });
  });

  it('reports no score without answers', () => {
    expect(computeCes([0, 0, 0, 0, 0, 0, 0])).toMatchObject({ score: null, ci95: null, n: 0 });
  });

  it('property: the t interval contains the mean, stays on 1–7 and narrows with more answers', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.integer({ min: 0, max: 300 }), { minLength: 7, maxLength: 7 })
          .filter((c) => c.reduce((a, b) => a + b) >= 2),
        fc.integer({ min: 2, max: 20 }),
        (counts, k) => {
          const a = computeCes(counts);
          const [lo, hi] = a.ci95!;
          expect(lo).toBeGreaterThanOrEqual(1);
          expect(hi).toBeLessThanOrEqual(7);
          expect(lo).toBeLessThanOrEqual(a.score! + 1e-9);
          expect(hi).toBeGreaterThanOrEqual(a.score! - 1e-9);
          const b = computeCes(counts.map((c) => c * k));
          expect(b.ci95![1] - b.ci95![0]).toBeLessThanOrEqual(hi - lo + 1e-9);
        },
      ),
    );
  });
});
