import { describe, expect, it } from 'vitest';
import { studentTQuantile, twoSidedPFromT } from './student-t';

describe('Student t helpers', () => {
  it('matches t tables', () => {
    // t(0.975; 5) = 2.570582, t(0.975; 10) = 2.228139, t(0.975; 29) = 2.045230
    expect(studentTQuantile(0.975, 5)).toBeCloseTo(2.570582, 6);
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.228139, 6);
    expect(studentTQuantile(0.975, 29)).toBeCloseTo(2.04523, 5);
  });

  it('gives two-sided p-values consistent with the quantile', () => {
    expect(twoSidedPFromT(2.570582, 5)).toBeCloseTo(0.05, 6);
    expect(twoSidedPFromT(-2.570582, 5)).toBeCloseTo(0.05, 6);
    expect(twoSidedPFromT(0, 3)).toBe(1);
  });
});
