import { describe, expect, it } from 'vitest';
import { combineFm, RFM_SEGMENTS, SEGMENT_GRID_SQL, segmentOf } from './rfm-segments';

describe('RFM segments', () => {
  it('maps the corners and edges of the grid as documented', () => {
    expect(segmentOf(5, 5, 5)).toBe('champions');
    expect(segmentOf(5, 1, 1)).toBe('new');
    expect(segmentOf(4, 1, 1)).toBe('promising');
    expect(segmentOf(1, 5, 5)).toBe('cant_lose_them');
    expect(segmentOf(1, 1, 1)).toBe('lost');
    expect(segmentOf(2, 1, 2)).toBe('hibernating');
    expect(segmentOf(3, 3, 3)).toBe('need_attention');
    expect(segmentOf(3, 1, 2)).toBe('about_to_sleep');
    expect(segmentOf(2, 4, 3)).toBe('at_risk');
    expect(segmentOf(3, 5, 4)).toBe('loyal');
    expect(segmentOf(5, 2, 3)).toBe('potential_loyalist');
  });

  it('rounds FM half up and uses every named segment', () => {
    expect(combineFm(1, 2)).toBe(2);
    expect(combineFm(4, 5)).toBe(5);
    expect(combineFm(3, 3)).toBe(3);
    expect(new Set(SEGMENT_GRID_SQL)).toEqual(new Set(RFM_SEGMENTS));
    expect(SEGMENT_GRID_SQL).toHaveLength(25);
  });

  it('agrees with the SQL lookup (r - 1) * 5 + (f + m + 1) / 2 for every score', () => {
    for (let r = 1; r <= 5; r++)
      for (let f = 1; f <= 5; f++)
        for (let m = 1; m <= 5; m++) {
          expect(SEGMENT_GRID_SQL[(r - 1) * 5 + Math.floor((f + m + 1) / 2) - 1]).toBe(segmentOf(r, f, m));
        }
  });
});
