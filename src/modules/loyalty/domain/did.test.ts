import { describe, expect, it } from 'vitest';
import { differenceInDifferences, pairedMeanInterval } from './did';

describe('differenceInDifferences', () => {
  // By hand, four pairs (treated before → after, control before → after):
  //   1 → 4 vs 1 → 2: 3 − 1 = 2;   0 → 3 vs 2 → 2: 3 − 0 = 3;
  //   2 → 3 vs 1 → 1: 1 − 0 = 1;   1 → 3 vs 0 → 0: 2 − 0 = 2.
  // Mean 2; s² = (0 + 1 + 1 + 0) / 3 = 2/3; se = √(2/3 / 4) = 0.4082483;
  // t(0.975, 3) = 3.1824463 → half-width 1.2992284: [0.7007716, 3.2992284].
  it('is the mean of the pairs’ differences with a t interval', () => {
    const result = differenceInDifferences([
      { treatedBefore: 1, treatedAfter: 4, controlBefore: 1, controlAfter: 2 },
      { treatedBefore: 0, treatedAfter: 3, controlBefore: 2, controlAfter: 2 },
      { treatedBefore: 2, treatedAfter: 3, controlBefore: 1, controlAfter: 1 },
      { treatedBefore: 1, treatedAfter: 3, controlBefore: 0, controlAfter: 0 },
    ]);
    expect(result?.estimate).toBe(2);
    expect(result?.n).toBe(4);
    expect(result?.standardError).toBeCloseTo(0.4082483, 6);
    expect(result?.ci95[0]).toBeCloseTo(0.7007716, 6);
    expect(result?.ci95[1]).toBeCloseTo(3.2992284, 6);
  });

  it('has no interval below two pairs, and none of width for identical differences', () => {
    expect(pairedMeanInterval([5])).toBeUndefined();
    expect(pairedMeanInterval([1, 1, 1])).toEqual({ estimate: 1, ci95: [1, 1], n: 3, standardError: 0 });
  });
});
