import { describe, expect, it } from 'vitest';
import { summarizeCounts } from './scale-summary';

describe('summarizeCounts', () => {
  it('computes mean and unbiased variance from a histogram', () => {
    // answers 2,3,4,4,5,6 on a 1..7 scale: mean 24/6 = 4;
    // squared deviations 4+1+0+0+1+4 = 10; variance 10/(6−1) = 2
    const s = summarizeCounts([0, 1, 1, 2, 1, 1, 0], 1);
    expect(s).toEqual({ n: 6, mean: 4, variance: 2 });
  });

  it('honours the scale origin', () => {
    // values 0 and 10 once each: mean 5, variance (25+25)/1 = 50
    const counts = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1];
    expect(summarizeCounts(counts, 0)).toEqual({ n: 2, mean: 5, variance: 50 });
  });

  it('has no variance for fewer than two answers', () => {
    expect(summarizeCounts([0, 1, 0], 1)).toEqual({ n: 1, mean: 2, variance: Number.NaN });
    expect(summarizeCounts([0, 0, 0], 1).n).toBe(0);
  });
});
