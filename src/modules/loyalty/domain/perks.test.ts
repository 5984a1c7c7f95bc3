import { describe, expect, it } from 'vitest';
import { perkUnits, windowFigures } from './perks';

describe('windowFigures', () => {
  // Purchases on days 80 (30), 95 (10), 100 (the index day, 50), 105 (20) and 200 (99); index 100, window 10.
  // Before [90, 100): day 95 only. After (100, 110]: day 105 only. The index day's own purchase is in neither.
  const purchases = [
    { day: 80, amountMinor: 30 },
    { day: 95, amountMinor: 10 },
    { day: 100, amountMinor: 50 },
    { day: 105, amountMinor: 20 },
    { day: 200, amountMinor: 99 },
  ];
  it('counts the windows around the index day and reads covariates from before it only', () => {
    const f = windowFigures(purchases, 100, 10);
    expect(f.before).toEqual({ retention: 1, frequency: 1, revenue: 10 });
    expect(f.after).toEqual({ retention: 1, frequency: 1, revenue: 20 });
    // recency 5, frequency 1, monetary ln(11), tenure 20, lifetime ln(3), mean spend ln(1 + 20).
    expect(f.covariates).toEqual([5, 1, Math.log1p(10), 20, Math.log1p(2), Math.log1p(20)]);
  });
});

describe('perkUnits', () => {
  const purchases = new Map([
    ['a', [{ day: 50, amountMinor: 10 }]],
    ['b', [{ day: 60, amountMinor: 10 }]],
    ['c', [{ day: 70, amountMinor: 10 }]],
    ['d', [{ day: 10, amountMinor: 10 }]],
  ]);
  it('takes the first grant in the period as the index, leaves customers granted near it out of the controls', () => {
    const units = perkUnits({
      // a: granted on 100 and 104 (two grants in its window); b: granted just before the period (85):
      // neither treated nor control; c and d never granted: controls at a's index day.
      grants: [
        { customerId: 'a', day: 100 },
        { customerId: 'a', day: 104 },
        { customerId: 'b', day: 85 },
      ],
      purchases,
      tiers: new Map([['c', { tierCode: 'gold', sinceDay: 20 }]]),
      periodFrom: 90,
      periodTo: 120,
      window: 10,
      costMinor: 7,
      random: () => 0,
    });
    expect(units.treatedIds).toEqual(['a']);
    expect(units.treated[0].costMinor).toBe(14);
    expect(units.controls).toHaveLength(2);
    expect(units.covariateNames.at(-1)).toBe('tier:gold');
    // c holds gold since day 20, before the pseudo-date 100: its tier column is 1; d's is 0.
    expect(units.controls.map((u) => u.covariates.at(-1))).toEqual([1, 0]);
    // c's recency at day 100 is 30 days; d's 90.
    expect(units.controls.map((u) => u.covariates[0])).toEqual([30, 90]);
  });

  it('has no controls without treated, and samples at most maxControls', () => {
    const none = perkUnits({
      grants: [],
      purchases,
      tiers: new Map(),
      periodFrom: 0,
      periodTo: 10,
      window: 5,
      costMinor: 1,
      random: Math.random,
    });
    expect(none.treated).toEqual([]);
    expect(none.controls).toEqual([]);
    const few = perkUnits({
      grants: [{ customerId: 'a', day: 100 }],
      purchases,
      tiers: new Map(),
      periodFrom: 90,
      periodTo: 120,
      window: 10,
      costMinor: 1,
      random: () => 0.5,
      maxControls: 2,
    });
    expect(few.controls).toHaveLength(2);
  });
});
