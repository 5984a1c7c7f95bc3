import { describe, expect, it } from 'vitest';
import { compareMetric, computeMetric } from './metric';

describe('computeMetric / compareMetric', () => {
  it('dispatch by kind', () => {
    expect(computeMetric('nps', [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4]).score).toBe(100);
    expect(computeMetric('csat', [1, 0, 0, 0, 1]).score).toBe(50);
    expect(computeMetric('ces', [0, 0, 0, 0, 0, 0, 2]).score).toBe(7);
    expect(compareMetric('csat', [0, 0, 0, 0, 1], [1, 0, 0, 0, 0])!.delta).toBe(100);
    expect(() => computeMetric('xyz' as 'nps', [])).toThrow(RangeError);
  });
});
