import { describe, expect, it } from 'vitest';
import { standardNormalCdf, twoSidedPFromZ, Z_95 } from './normal';

describe('normal distribution helpers', () => {
  it('matches textbook values of Φ', () => {
    expect(standardNormalCdf(0)).toBeCloseTo(0.5, 12);
    // Φ(1.959964) = 0.975, the two-sided 95% point.
    expect(standardNormalCdf(Z_95)).toBeCloseTo(0.975, 9);
    expect(standardNormalCdf(-1)).toBeCloseTo(0.158655254, 8);
  });

  it('gives two-sided p-values', () => {
    // p = 2·Φ(−1.959964) = 2·0.025 = 0.05
    expect(twoSidedPFromZ(Z_95)).toBeCloseTo(0.05, 9);
    expect(twoSidedPFromZ(-Z_95)).toBeCloseTo(0.05, 9);
    expect(twoSidedPFromZ(0)).toBe(1);
  });

  it('keeps precision far in the tail', () => {
    // 2·Φ(−10) ≈ 1.523971e−23; computing 2·(1 − Φ(10)) would give 0.
    expect(twoSidedPFromZ(10) / 1.523970604832105e-23).toBeCloseTo(1, 6);
  });
});
