import { describe, expect, it } from 'vitest';
import { type BoardEntry, boardOrder, rankLocations, targetStatus } from './leaderboard';

// A hand-worked board. Ranked (n ≥ 30): A [40, 60], B [25, 35], C [38, 52], D [0, 20].
// A: none lies wholly above 60; B (35 < 40) and D (20 < 40) lie below → {1, 4 − 2} = {1, 2}.
// C: none above 52; B (35 < 38) and D below → {1, 2}.
// B: A (40 > 35) and C (38 > 35) above; D (20 < 25) below → {3, 3}.
// D: A, C and B (25 > 20) above; none below → {4, 4}.
// E has 10 answers: not ranked, however high; F is withheld under the anonymity threshold.
const board: BoardEntry[] = [
  { id: 'A', score: 50, n: 100, ci95: [40, 60] },
  { id: 'B', score: 30, n: 200, ci95: [25, 35] },
  { id: 'C', score: 45, n: 80, ci95: [38, 52] },
  { id: 'D', score: 10, n: 50, ci95: [0, 20] },
  { id: 'E', score: 70, n: 10, ci95: [30, 100] },
  { id: 'F', score: null, n: 0, ci95: null, withheld: true },
];

describe('rankLocations', () => {
  const ranks = rankLocations(board, 30);

  it('gives each location with enough answers the range of ranks its interval allows', () => {
    expect(ranks.get('A')).toEqual({ rank: { best: 1, worst: 2 }, standing: 'overlaps' });
    expect(ranks.get('C')).toEqual({ rank: { best: 1, worst: 2 }, standing: 'overlaps' });
    expect(ranks.get('B')).toEqual({ rank: { best: 3, worst: 3 }, standing: 'ranked' });
    expect(ranks.get('D')).toEqual({ rank: { best: 4, worst: 4 }, standing: 'ranked' });
  });

  it('ranks no location with fewer answers than the threshold, nor a withheld one', () => {
    expect(ranks.get('E')).toEqual({ rank: null, standing: 'too_few' });
    expect(ranks.get('F')).toEqual({ rank: null, standing: 'withheld' });
  });

  it('counts only intervals wholly apart: touching intervals overlap', () => {
    const r = rankLocations(
      [
        { id: 'x', score: 10, n: 40, ci95: [5, 15] },
        { id: 'y', score: 20, n: 40, ci95: [15, 25] },
      ],
      30,
    );
    expect(r.get('x')?.rank).toEqual({ best: 1, worst: 2 });
    expect(r.get('y')?.rank).toEqual({ best: 1, worst: 2 });
  });

  it('orders the board: ranked by best rank, then the rest by score, then those without answers', () => {
    const rows = board.map((e) => ({ ...e, ...ranks.get(e.id)! }));
    expect(boardOrder(rows).map((r) => r.id)).toEqual(['A', 'C', 'B', 'D', 'E', 'F']);
  });
});

describe('targetStatus', () => {
  it('is met when the whole interval is at or above the target', () => {
    expect(targetStatus(50, [40, 60], 40)).toBe('met');
  });
  it('is missed when the whole interval is below it', () => {
    expect(targetStatus(30, [25, 35], 40)).toBe('missed');
  });
  it('is unclear when the interval straddles it, or there is no interval', () => {
    expect(targetStatus(45, [38, 52], 40)).toBe('unclear');
    expect(targetStatus(45, null, 40)).toBe('unclear');
  });
  it('is null without a target or without answers', () => {
    expect(targetStatus(45, [38, 52], undefined)).toBeNull();
    expect(targetStatus(null, null, 40)).toBeNull();
  });
});
