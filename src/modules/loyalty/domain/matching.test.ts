import { describe, expect, it } from 'vitest';
import { matchNearest, standardDeviation, standardizedMeanDifference } from './matching';

describe('matchNearest', () => {
  // By hand: treated logits 0.0, 0.5, 2.0; controls 0.1, 0.3, 1.0, 5.0; caliper 0.45.
  // T0 takes C0 (0.1 away); T1 finds C1 0.2 away (C2 is 0.5); T2's nearest free control is C2,
  // 1.0 away, beyond the caliper: unmatched. C3 is never anyone's.
  it('pairs each treated with its nearest control within the caliper', () => {
    expect(matchNearest([0, 0.5, 2], [0.1, 0.3, 1, 5], 0.45)).toEqual([
      { treated: 0, control: 0 },
      { treated: 1, control: 1 },
    ]);
  });

  // Without replacement: T0 = 0.2 and T1 = 0.25 both want C0 = 0.22; whoever comes first takes
  // it, the other falls back to C1 = 0.6 (0.4 or 0.35 away, inside the caliper 0.5).
  it('uses each control once, in the order the treated are taken', () => {
    expect(matchNearest([0.2, 0.25], [0.22, 0.6], 0.5, [0, 1])).toEqual([
      { treated: 0, control: 0 },
      { treated: 1, control: 1 },
    ]);
    expect(matchNearest([0.2, 0.25], [0.22, 0.6], 0.5, [1, 0])).toEqual([
      { treated: 1, control: 0 },
      { treated: 0, control: 1 },
    ]);
    // With a caliper of 0.36 the second one of T0 finds nothing: 0.4 away.
    expect(matchNearest([0.2, 0.25], [0.22, 0.6], 0.36, [1, 0])).toEqual([{ treated: 1, control: 0 }]);
  });

  it('breaks a tie towards the lower logit and skips used controls on both sides', () => {
    expect(matchNearest([1, 1, 1, 1], [0, 0.5, 1.5, 2], 1)).toEqual([
      { treated: 0, control: 1 },
      { treated: 1, control: 2 },
      { treated: 2, control: 0 },
      { treated: 3, control: 3 },
    ]);
  });

  it('matches nothing without controls', () => {
    expect(matchNearest([0, 1], [], 1)).toEqual([]);
  });
});

describe('standardizedMeanDifference', () => {
  // By hand: treated 1, 2, 3 (mean 2, s² 1); controls 2, 3, 4, 5 (mean 3.5, s² 5/3):
  // (2 − 3.5) / √((1 + 5/3) / 2) = −1.5 / 1.1547005 = −1.2990381.
  it('divides the difference of means by the pooled standard deviation', () => {
    expect(standardizedMeanDifference([1, 2, 3], [2, 3, 4, 5])).toBeCloseTo(-1.2990381, 6);
  });

  // 0/1: 3 of 4 against 1 of 4: (0.75 − 0.25) / √((0.25 + 0.25) / 2) = 1 (sample variances 1/4 each).
  it('treats a 0/1 covariate the same way', () => {
    expect(standardizedMeanDifference([1, 1, 1, 0], [1, 0, 0, 0])).toBeCloseTo(1, 10);
  });

  it('is zero for identical constants and infinite for different ones', () => {
    expect(standardizedMeanDifference([2, 2], [2, 2, 2])).toBe(0);
    expect(standardizedMeanDifference([3, 3], [2, 2])).toBe(Number.POSITIVE_INFINITY);
    expect(standardDeviation([5])).toBe(0);
  });
});
