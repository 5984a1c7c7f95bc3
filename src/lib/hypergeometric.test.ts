import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hyp2f1MinusOneOverB, hyp2f1Series, hyp2f1UnitCf, logHyp2f1AdjacentC } from './hypergeometric';

describe('Gauss hypergeometric 2F1', () => {
  it('matches closed forms', () => {
    for (const z of [0, 0.1, 0.5, 0.9, 0.99]) {
      // 2F1(1, 1; 2; z) = -ln(1 - z) / z
      const expected = z === 0 ? 1 : -Math.log1p(-z) / z;
      expect(hyp2f1Series(1, 1, 2, z)).toBeCloseTo(expected, 10);
      expect(Math.exp(logHyp2f1AdjacentC(1, 1, z))).toBeCloseTo(expected, 12);
      // 2F1(a, b; b; z) = (1 - z)^-a
      expect(hyp2f1Series(2.5, 1.5, 1.5, z)).toBeCloseTo((1 - z) ** -2.5, 6);
    }
    // 2F1(a, a+1; a+1; z) = (1 - z)^-a
    expect(logHyp2f1AdjacentC(2, 3, 0.5)).toBeCloseTo(Math.log(4), 12);
  });

  it('continued fraction equals the power series where both converge well', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 60, noNaN: true }),
        fc.double({ min: 0.01, max: 60, noNaN: true }),
        fc.double({ min: 0, max: 0.9, noNaN: true }),
        (a, b, z) => {
          fc.pre(a + 1 - b > 0);
          const series = Math.log(hyp2f1Series(a, b, a + 1, z));
          expect(Math.abs(logHyp2f1AdjacentC(a, b, z) - series)).toBeLessThan(
            1e-9 * Math.max(1, Math.abs(series)),
          );
        },
      ),
    );
  });

  it('converges close to z = 1', () => {
    // F(1, A; C+1; z) at z -> 1 tends to C / (C - A) when C > A.
    expect(hyp2f1UnitCf(0.5, 2, 1 - 1e-10)).toBeCloseTo(2 / 1.5, 3);
  });

  it('(F - 1)/b stays finite as b -> 0', () => {
    const at0 = hyp2f1MinusOneOverB(1.3, 0, 2.2, 0.6);
    const near = (hyp2f1Series(1.3, 1e-6, 2.2, 0.6) - 1) / 1e-6;
    expect(at0).toBeCloseTo(near, 5);
  });
});
