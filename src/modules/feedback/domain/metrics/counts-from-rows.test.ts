import { describe, expect, it } from 'vitest';
import { countAnswers, countsFromRows } from './counts-from-rows';

describe('countsFromRows', () => {
  it('densifies GROUP BY rows, accepting bigint counts as strings', () => {
    const counts = countsFromRows('csat', [
      { value: 5, count: '12' },
      { value: '1', count: 3n },
      { value: 4, count: 7 },
    ]);
    expect(counts).toEqual([3, 0, 0, 7, 12]);
  });

  it('rejects values off the scale', () => {
    expect(() => countsFromRows('ces', [{ value: 8, count: 1 }])).toThrow(RangeError);
    expect(() => countsFromRows('nps', [{ value: 3, count: -1 }])).toThrow(RangeError);
  });
});

describe('countAnswers', () => {
  it('counts raw answers', () => {
    expect(countAnswers('nps', [0, 10, 10, 7])).toEqual([1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 2]);
    expect(() => countAnswers('nps', [11])).toThrow(RangeError);
  });
});
