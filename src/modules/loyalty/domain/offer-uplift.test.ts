import { describe, expect, it } from 'vitest';
import { newcombeInterval, offerUplift, welchInterval } from './offer-uplift';

describe("Newcombe's hybrid score interval (Newcombe 1998, method 10)", () => {
  // Table II of Newcombe (1998), Statistics in Medicine 17:873–890, method 10 (score, no continuity correction).
  it.each([
    [56, 70, 48, 80, 0.2, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.6, 0.1705, 0.809],
    [6, 7, 2, 7, 0.5714, 0.0582, 0.8062],
    [5, 56, 0, 29, 0.0893, -0.0381, 0.1926],
    [0, 10, 0, 20, 0, -0.1611, 0.2775],
    [0, 10, 0, 10, 0, -0.2775, 0.2775],
    [10, 10, 0, 20, 1, 0.6791, 1],
    [10, 10, 0, 10, 1, 0.6075, 1],
  ])('%i/%i − %i/%i = %f, interval %f to %f', (x1, n1, x2, n2, d, lo, hi) => {
    const r = newcombeInterval(x1, n1, x2, n2)!;
    expect(r.difference).toBeCloseTo(d, 4);
    expect(r.ci95[0]).toBeCloseTo(lo, 4);
    expect(r.ci95[1]).toBeCloseTo(hi, 4);
  });

  it('has no interval for an empty group', () => {
    expect(newcombeInterval(1, 0, 1, 2)).toBeNull();
  });
});

describe("Welch's interval of a difference of means", () => {
  it('matches a hand-worked example', () => {
    // s1²/n1 = 0.4, s2²/n2 = 0.45, se = √0.85 = 0.92195; ν = 0.85² / (0.4²/9 + 0.45²/19) = 25.41;
    // t(0.975, 25.41) = 2.0579; half-width 1.8973.
    const r = welchInterval({ n: 10, mean: 5, variance: 4 }, { n: 20, mean: 3, variance: 9 })!;
    expect(r.difference).toBe(2);
    expect(r.ci95[0]).toBeCloseTo(0.1027, 2);
    expect(r.ci95[1]).toBeCloseTo(3.8973, 2);
  });

  it('needs two values per group', () => {
    expect(welchInterval({ n: 1, mean: 5, variance: 0 }, { n: 20, mean: 3, variance: 9 })).toBeNull();
  });
});

describe('an offer’s uplift', () => {
  it('says nothing below the minimum group, and gives both intervals above it', () => {
    const small = offerUplift(
      { n: 100, converted: 40, revenueMean: 1000, revenueVariance: 4e6 },
      { n: 10, converted: 1, revenueMean: 200, revenueVariance: 1e6 },
    );
    expect(small.enough).toBe(false);
    expect(small.incrementalConversion).toBeNull();
    expect(small.shownRate).toBe(0.4);
    const big = offerUplift(
      { n: 100, converted: 40, revenueMean: 1000, revenueVariance: 4e6 },
      { n: 40, converted: 4, revenueMean: 200, revenueVariance: 1e6 },
    );
    expect(big.enough).toBe(true);
    expect(big.incrementalConversion).toEqual(newcombeInterval(40, 100, 4, 40));
    expect(big.incrementalRevenuePerCustomer!.difference).toBe(800);
  });
});
