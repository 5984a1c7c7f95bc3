import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wilsonInterval } from './wilson';

describe('wilsonInterval', () => {
  it('matches a hand-worked example: 40 of 50', () => {
    // p = 0.8, z = 1.959964, z² = 3.841459
    // denom  = 1 + z²/n = 1 + 3.841459/50 = 1.076829
    // centre = (p + z²/2n)/denom = (0.8 + 0.038415)/1.076829 = 0.778597
    // half   = z·sqrt(p(1−p)/n + z²/4n²)/denom = 1.959964·sqrt(0.0032 + 0.000384)/1.076829 = 0.108967
    // interval = [0.669630, 0.887564]
    const [lo, hi] = wilsonInterval(40, 50)!;
    expect(lo).toBeCloseTo(0.66963, 4);
    expect(hi).toBeCloseTo(0.887564, 4);
  });

  it('does not collapse at 0 or n successes', () => {
    // 0 of 10: lower 0, upper z²/(n + z²) = 3.841459/13.841459 = 0.277533
    const [lo0, hi0] = wilsonInterval(0, 10)!;
    expect(lo0).toBe(0);
    expect(hi0).toBeCloseTo(0.277533, 5);
    const [lo1, hi1] = wilsonInterval(10, 10)!;
    expect(lo1).toBeCloseTo(1 - 0.277533, 5);
    expect(hi1).toBe(1);
  });

  it('has no interval without trials', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
  });

  it('property: bounds lie in [0, 1] and around the observed share', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 1_000_000 })
          .chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
        ([x, n]) => {
          const [lo, hi] = wilsonInterval(x, n)!;
          const p = x / n;
          expect(lo).toBeGreaterThanOrEqual(0);
          expect(hi).toBeLessThanOrEqual(1);
          expect(lo).toBeLessThanOrEqual(p + 1e-12);
          expect(hi).toBeGreaterThanOrEqual(p - 1e-12);
        },
      ),
    );
  });
});
