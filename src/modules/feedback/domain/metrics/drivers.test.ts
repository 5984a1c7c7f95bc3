import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeDrivers } from './drivers';
import { computeNps } from './nps';

const nps = (d: number, p: number, pr: number) => [d, 0, 0, 0, 0, 0, 0, p, 0, 0, pr];

describe('computeDrivers', () => {
  it('matches a hand-worked NPS example', () => {
    // web:   10 promoters, 0 passives, 10 detractors → n 20, NPS 0
    // store: 30 promoters, 10 passives, 0 detractors → n 40, NPS 75
    // overall: 40 P, 10 Pa, 10 D → n 60, NPS = 100·(40 − 10)/60 = 50
    // impact(web)   = 50 − NPS(store only) = 50 − 75 = −25
    // impact(store) = 50 − NPS(web only)   = 50 − 0  = +50
    const [web, store] = computeDrivers('nps', [
      { key: 'web', counts: nps(10, 0, 10) },
      { key: 'store', counts: nps(0, 10, 30) },
    ]);
    expect(web).toMatchObject({ key: 'web', n: 20, score: 0 });
    expect(web.share).toBeCloseTo(1 / 3, 12);
    expect(web.impact).toBeCloseTo(-25, 10);
    expect(store.share).toBeCloseTo(2 / 3, 12);
    expect(store.score).toBeCloseTo(75, 10);
    expect(store.impact).toBeCloseTo(50, 10);
  });

  it('works for CSAT and for overlapping groups with explicit overall counts', () => {
    // overall CSAT [0,0,2,4,4]: 8 of 10 satisfied = 80%
    // group "late" [0,0,2,0,0] ⊂ overall: its own score 0%; the rest [0,0,0,4,4] scores 100%
    // impact = 80 − 100 = −20
    const [late] = computeDrivers('csat', [{ key: 'late', counts: [0, 0, 2, 0, 0] }], [0, 0, 2, 4, 4]);
    expect(late.score).toBe(0);
    expect(late.share).toBeCloseTo(0.2, 12);
    expect(late.impact).toBeCloseTo(-20, 10);
  });

  it('has no impact for an empty group or one holding every answer', () => {
    const [only, empty] = computeDrivers('ces', [
      { key: 'only', counts: [0, 0, 1, 1, 1, 0, 0] },
      { key: 'empty', counts: [0, 0, 0, 0, 0, 0, 0] },
    ]);
    expect(only.impact).toBeNull();
    expect(only.share).toBe(1);
    expect(empty).toMatchObject({ n: 0, share: 0, score: null, impact: null });
  });

  it('rejects a group larger than the overall', () => {
    expect(() => computeDrivers('csat', [{ key: 'x', counts: [0, 0, 0, 0, 2] }], [0, 0, 0, 0, 1])).toThrow(
      RangeError,
    );
  });

  it('property: an NPS group lifts the overall exactly when it beats the rest', () => {
    const arb = fc
      .array(fc.integer({ min: 0, max: 100 }), { minLength: 11, maxLength: 11 })
      .filter((c) => c.some((x) => x > 0));
    fc.assert(
      fc.property(arb, arb, (a, b) => {
        const [da] = computeDrivers('nps', [
          { key: 'a', counts: a },
          { key: 'b', counts: b },
        ]);
        const gap = computeNps(a).score! - computeNps(b).score!;
        // overall − rest = share·(group − rest) for a linear score such as NPS
        expect(da.impact!).toBeCloseTo(da.share * gap, 9);
      }),
    );
  });
});
