import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isTooFew, type ProtectedCell, suppressNested } from '../../src/modules/feedback/domain/anonymity';

type Dim = 'department' | 'team' | 'location' | 'month';
const DIMS: Dim[] = ['department', 'team', 'location', 'month'];

/**
 * The attacker: every figure shown is a set of cells with its count; any shown or derived set
 * minus a shown or derived set inside it is derived too, until nothing new appears.
 */
function derivable(cells: ProtectedCell<Dim>[], shown: bigint[]): Map<bigint, number> {
  const count = (mask: bigint) => cells.reduce((s, c, i) => s + ((mask >> BigInt(i)) & 1n ? c.n : 0), 0);
  const known = new Map<bigint, number>();
  for (const m of shown) if (m) known.set(m, count(m));
  let grew = true;
  while (grew && known.size < 4000) {
    grew = false;
    const sets = [...known.keys()];
    for (const a of sets)
      for (const b of sets) {
        if (a === b || (a & b) !== b) continue;
        const d = a & ~b;
        if (d && !known.has(d)) {
          known.set(d, count(d));
          grew = true;
        }
      }
  }
  return known;
}

function shownSets(cells: ProtectedCell<Dim>[], threshold: number): bigint[] {
  const live = cells.map((c, i) => ({ c, bit: c.n > 0 ? 1n << BigInt(i) : 0n }));
  const s = suppressNested(cells, DIMS, threshold);
  if (!s.totalShown) return [];
  const out = [live.reduce((m, x) => m | x.bit, 0n)];
  for (const d of DIMS) {
    const keys = new Set(cells.filter((c) => c.n > 0).map((c) => c.keys[d]));
    for (const k of keys) {
      if (s.hidden[d].has(k)) continue;
      out.push(live.filter((x) => x.c.keys[d] === k).reduce((m, x) => m | x.bit, 0n));
    }
  }
  return out;
}

// Teams nest in departments; each team answers from one or two locations, over three months.
const TEAMS = [
  { team: 't1', department: 'd1' },
  { team: 't2', department: 'd1' },
  { team: 't3', department: 'd2' },
  { team: 't4', department: 'd2' },
  { team: 't5', department: 'd3' },
];
const arbCells = fc
  .array(
    fc.record({
      t: fc.integer({ min: 0, max: TEAMS.length - 1 }),
      location: fc.constantFrom('l1', 'l2'),
      month: fc.constantFrom('2026-01', '2026-02', '2026-03'),
      n: fc.integer({ min: 0, max: 9 }),
    }),
    { minLength: 1, maxLength: 12 },
  )
  .map((rows) =>
    rows.map(
      (r): ProtectedCell<Dim> => ({
        keys: { ...TEAMS[r.t]!, location: r.location, month: r.month },
        n: r.n,
      }),
    ),
  );

describe('complementary suppression across nested breakdowns', () => {
  it('hides a team of 4 and its sibling, so its department minus the other team reveals nothing', () => {
    const cells: ProtectedCell<Dim>[] = [
      { keys: { department: 'd1', team: 'big', location: 'l1', month: 'm' }, n: 6 },
      { keys: { department: 'd1', team: 'small', location: 'l1', month: 'm' }, n: 4 },
      { keys: { department: 'd2', team: 'other', location: 'l2', month: 'm' }, n: 9 },
    ];
    const s = suppressNested(cells, DIMS, 5);
    expect(s.totalShown).toBe(true);
    expect([...s.hidden.team].sort()).toEqual(['big', 'small']);
    expect([...s.hidden.department]).toEqual([]);
    // The location of the small department is the department itself: both shown, both 10.
    expect([...s.hidden.location]).toEqual([]);
  });

  it('hides everything when the whole is under the threshold', () => {
    const s = suppressNested(
      [{ keys: { department: 'd', team: 't', location: 'l', month: 'm' }, n: 4 }],
      DIMS,
      5,
    );
    expect(s.totalShown).toBe(false);
    expect([...s.hidden.team]).toEqual(['t']);
  });

  it('for random group sizes, no difference of shown figures describes 1 to threshold−1 answers', () => {
    fc.assert(
      fc.property(arbCells, fc.integer({ min: 3, max: 7 }), (cells, threshold) => {
        const known = derivable(cells, shownSets(cells, threshold));
        for (const [mask, n] of known) {
          if (isTooFew(n, threshold)) throw new Error(`derived ${mask.toString(2)} with ${n} answers`);
        }
      }),
      { numRuns: 400 },
    );
  });
});
