import { describe, expect, it } from 'vitest';
import { indexDistinctRows } from './distinct-rows';

describe('indexDistinctRows', () => {
  it('numbers distinct tuples in order of first appearance', () => {
    const a = [1, 2, 1, 1, 2, 0, -0];
    const b = [0.5, 0.5, 0.5, 0.25, 0.5, Number.NaN, Number.NaN];
    const res = indexDistinctRows([a, b]);
    expect(res.count).toBe(4);
    expect(Array.from(res.groupOf)).toEqual([0, 1, 0, 2, 1, 3, 3]);
    expect(Array.from(res.firstRow)).toEqual([0, 1, 3, 5]);
    expect(Array.from(res.size)).toEqual([2, 2, 1, 2]);
  });

  it('scales to many rows and groups', () => {
    const n = 200_000;
    const x = new Float64Array(n);
    const t = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      x[i] = i % 50;
      t[i] = (i % 1000) / 7;
    }
    const res = indexDistinctRows([x, t]);
    expect(res.count).toBe(1000);
    expect(res.size.reduce((s, v) => s + v, 0)).toBe(n);
  });
});
