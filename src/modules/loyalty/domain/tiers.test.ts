import { describe, expect, it } from 'vitest';
import { formatDayNumber, parseDayNumber } from '../../../lib/day-number';
import {
  decideTier,
  nextPeriodStartDay,
  pendingDowngrade,
  periodStartDay,
  progressToNext,
  rankOf,
  type TierInputs,
  tierFor,
} from './tiers';

const steps = [
  { code: 'gold', threshold: 1000 },
  { code: 'bronze', threshold: 0 },
  { code: 'silver', threshold: 300 },
];
const at = (iso: string) => new Date(iso);

describe('the tier a qualification reaches', () => {
  it('is the highest threshold reached, whatever order the tiers were defined in', () => {
    expect(tierFor(steps, 0)).toBe('bronze');
    expect(tierFor(steps, 299)).toBe('bronze');
    expect(tierFor(steps, 300)).toBe('silver');
    expect(tierFor(steps, 5000)).toBe('gold');
    expect(tierFor([{ code: 'vip', threshold: 10 }], 9)).toBeNull();
    expect(rankOf(steps, 'gold')).toBe(2);
    expect(rankOf(steps, null)).toBe(-1);
  });
  it('tells what is missing to the next tier, nothing at the top', () => {
    expect(progressToNext(steps, 'silver', 640)).toEqual({ code: 'gold', threshold: 1000, missing: 360 });
    expect(progressToNext(steps, 'gold', 1200)).toBeNull();
    expect(progressToNext(steps, null, 0)).toEqual({ code: 'bronze', threshold: 0, missing: 0 });
  });
});

describe('review periods', () => {
  const day = (s: string) => parseDayNumber(s);
  const show = (n: number) => formatDayNumber(n);
  it('start on the first day of the month, quarter or year, and follow one another', () => {
    expect(show(periodStartDay(day('2026-05-17'), 'month'))).toBe('2026-05-01');
    expect(show(periodStartDay(day('2026-05-17'), 'quarter'))).toBe('2026-04-01');
    expect(show(periodStartDay(day('2026-12-31'), 'year'))).toBe('2026-01-01');
    expect(show(nextPeriodStartDay(day('2026-10-01'), 'quarter'))).toBe('2027-01-01');
    expect(show(nextPeriodStartDay(day('2026-12-01'), 'month'))).toBe('2027-01-01');
  });
});

describe('when a lower qualification takes effect', () => {
  // Gold since 2026-03-10; the year's review ends on 2027-01-01.
  const gold = { code: 'gold', since: at('2026-03-10T09:00:00Z') };
  const base = (over: Partial<TierInputs>): TierInputs => ({
    steps,
    policy: 'period_end',
    current: gold,
    qualificationNow: 100,
    boundary: at('2026-01-01T00:00:00Z'),
    qualificationAtBoundary: 100,
    ...over,
  });

  it('upgrades at once under every policy', () => {
    for (const policy of ['none', 'period_end', 'one_level'] as const) {
      expect(
        decideTier(base({ policy, current: { code: 'bronze', since: gold.since }, qualificationNow: 1200 })),
      ).toEqual({ change: true, to: 'gold', direction: 'up' });
    }
    expect(decideTier(base({ current: { code: null, since: null }, qualificationNow: 350 }))).toEqual({
      change: true,
      to: 'silver',
      direction: 'up',
    });
  });

  it('none: a tier once reached is kept, however low the qualification falls', () => {
    const later = base({ policy: 'none', boundary: at('2027-01-01T00:00:00Z'), qualificationAtBoundary: 0 });
    expect(decideTier({ ...later, qualificationNow: 0 })).toEqual({ change: false });
  });

  it('period_end: within the year gold stays; on 2027-01-01 it drops to what the customer had then', () => {
    // 2026-11-20: the qualification fell to 100 points, but the period ending 2027-01-01 is not over.
    expect(decideTier(base({ boundary: at('2026-01-01T00:00:00Z') }))).toEqual({ change: false });
    // 2027-01-02: gold held across 2027-01-01, when the window had 100 points → bronze, two steps down.
    const review = base({ boundary: at('2027-01-01T00:00:00Z'), qualificationAtBoundary: 100 });
    expect(decideTier(review)).toEqual({ change: true, to: 'bronze', direction: 'down' });
    // …but never below what the customer qualifies for now (they earned 400 since).
    expect(decideTier({ ...review, qualificationNow: 400 })).toEqual({
      change: true,
      to: 'silver',
      direction: 'down',
    });
    // Qualified for gold at the period end, fell after it: kept until 2028-01-01.
    expect(decideTier({ ...review, qualificationAtBoundary: 1000 })).toEqual({ change: false });
  });

  it('period_end: a tier reached after the last period end is kept until the next one', () => {
    const fresh = { code: 'gold', since: at('2027-01-05T12:00:00Z') };
    expect(
      decideTier(base({ current: fresh, boundary: at('2027-01-01T00:00:00Z'), qualificationAtBoundary: 0 })),
    ).toEqual({ change: false });
  });

  it('one_level: drops one step per period end, gold → silver on 2027-01-01, silver → bronze on 2028-01-01', () => {
    const first = base({
      policy: 'one_level',
      boundary: at('2027-01-01T00:00:00Z'),
      qualificationAtBoundary: 0,
      qualificationNow: 0,
    });
    expect(decideTier(first)).toEqual({ change: true, to: 'silver', direction: 'down' });
    // Run again the same day: silver is now held since 2027-01-01 or later, no second step.
    const silver = { code: 'silver', since: at('2027-01-01T06:00:00Z') };
    expect(decideTier({ ...first, current: silver })).toEqual({ change: false });
    expect(decideTier({ ...first, current: silver, boundary: at('2028-01-01T00:00:00Z') })).toEqual({
      change: true,
      to: 'bronze',
      direction: 'down',
    });
  });

  it('a deleted tier counts as none: the customer takes what they qualify for', () => {
    expect(
      decideTier(base({ current: { code: 'platinum', since: gold.since }, qualificationNow: 400 })),
    ).toEqual({
      change: true,
      to: 'silver',
      direction: 'down',
    });
  });
});

describe('notice of a coming downgrade', () => {
  const gold = { code: 'gold', since: at('2026-03-10T09:00:00Z') };
  const next = at('2027-01-01T00:00:00Z');
  const ask = (now: string, policy: 'none' | 'period_end' | 'one_level' = 'period_end', q = 100) =>
    pendingDowngrade({
      steps,
      policy,
      current: gold,
      qualificationNow: q,
      now: at(now),
      nextBoundary: next,
      noticeDays: 14,
    });

  it('is due from 14 days before the period end (2026-12-18), not before', () => {
    expect(ask('2026-12-17T23:59:59Z')).toBeUndefined();
    expect(ask('2026-12-18T00:00:00Z')).toEqual({ to: 'bronze', at: next });
    expect(ask('2026-12-20T00:00:00Z', 'one_level')).toEqual({ to: 'silver', at: next });
  });
  it('is not due when the tier stays: policy none, or a qualification that holds', () => {
    expect(ask('2026-12-20T00:00:00Z', 'none')).toBeUndefined();
    expect(ask('2026-12-20T00:00:00Z', 'period_end', 1000)).toBeUndefined();
  });
});
