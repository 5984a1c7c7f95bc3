import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCsat } from './csat';

describe('computeCsat', () => {
  it('matches a hand-worked example', () => {
    // counts 1..5 = [2, 3, 5, 15, 25]: n = 50, satisfied (4–5) = 40 → score 80%
    // mean = (1·2 + 2·3 + 3·5 + 4·15 + 5·25)/50 = (2 + 6 + 15 + 60 + 125)/50 = 208/50 = 4.16
    // Wilson for 40/50 = [0.669630, 0.887564] → [66.9630, 88.7564] %
    const r = computeCsat([2, 3, 5, 15, 25]);
    expect(r.score).toBeCloseTo(80, 10);
    expect(r.n).toBe(50);
    expect(r.mean).toBeCloseTo(4.16, 10);
    expect(r.ci95![0]).toBeCloseTo(66.963, 2);
    expect(r.ci95![1]).toBeCloseTo(88.7564, 2);
    expect(r.counts).toEqual({ satisfied: 40, neutral: 5, dissatisfied: 5 });
    expect(r.smallSample).toBe(false);
  });

  it('reports no score without answers', () => {
    expect(computeCsat([0, 0, 0, 0, 0])).toMatchObject({ score: null, ci95: null, mean: null, n: 0 });
  });

  it('property: score and Wilson interval stay within 0–100 and contain the score', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.integer({ min: 0, max: 1000 }), { minLength: 5, maxLength: 5 })
          .filter((c) => c.some((x) => x > 0)),
        (counts) => {
          const r = computeCsat(counts);
          const [lo, hi] = r.ci95!;
          expect(lo).toBeGreaterThanOrEqual(0);
          expect(hi).toBeLessThanOrEqual(100);
          expect(lo).toBeLessThanOrEqual(r.score! + 1e-9);
          expect(hi).toBeGreaterThanOrEqual(r.score! - 1e-9);
          expect(r.mean!).toBeGreaterThanOrEqual(1);
          expect(r.mean!).toBeLessThanOrEqual(5);
        },
      ),
    );
  });

  it('property: scaling every count by k > 1 keeps the score and narrows the interval', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.integer({ min: 0, max: 300 }), { minLength: 5, maxLength: 5 })
          .filter((c) => c.some((x) => x > 0)),
        fc.integer({ min: 2, max: 50 }),
        (counts, k) => {
          const a = computeCsat(counts);
          const b = computeCsat(counts.map((c) => c * k));
          expect(b.score!).toBeCloseTo(a.score!, 9);
          expect(b.ci95![1] - b.ci95![0]).toBeLessThan(a.ci95![1] - a.ci95![0]);
        },
      ),
    );
  });
});
