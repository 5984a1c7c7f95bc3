import { describe, expect, it } from 'vitest';
import { fitLogistic, logitsOf } from './propensity';

describe('fitLogistic', () => {
  // One 0/1 covariate: the maximum-likelihood fit is the log odds of each group.
  // x = 0: 2 of 8 got the perk → β₀ = ln(2/6) = −1.098612; x = 1: 6 of 8 → β₀ + β₁ = ln(6/2),
  // so β₁ = ln 3 − ln(1/3) = 2 ln 3 = 2.197225.
  const rows = [...Array(8).fill([0]), ...Array(8).fill([1])];
  const y = [1, 1, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0];

  it('recovers the log odds by hand without the ridge', () => {
    const fit = fitLogistic(rows, y, { ridge: 0 });
    expect(fit.converged).toBe(true);
    expect(fit.coefficients[0]).toBeCloseTo(Math.log(2 / 6), 8);
    expect(fit.coefficients[1]).toBeCloseTo(2 * Math.log(3), 8);
    expect(logitsOf(fit, [[0], [1]])).toEqual([expect.closeTo(-1.098612, 5), expect.closeTo(Math.log(3), 5)]);
  });

  it('stays finite when a covariate separates the groups perfectly (the ridge)', () => {
    const fit = fitLogistic([[0], [0], [1], [1]], [0, 0, 1, 1]);
    expect(fit.coefficients.every(Number.isFinite)).toBe(true);
    expect(fit.coefficients[1]).toBeGreaterThan(5);
  });

  it('leaves a constant column at zero and shrinks slopes as the ridge grows', () => {
    const data = rows.map((r, i) => [r[0], 7, i % 3]);
    const plain = fitLogistic(data, y, { ridge: 1e-6 });
    expect(plain.coefficients[2]).toBe(0);
    const shrunk = fitLogistic(data, y, { ridge: 10 });
    expect(Math.abs(shrunk.coefficients[1])).toBeLessThan(Math.abs(plain.coefficients[1]));
  });
});
