import { describe, expect, it } from 'vitest';
import { formatDayNumber, parseDayNumber } from '../../../lib/day-number';
import { isDayAligned, parseBound, parsePeriod, previousPeriod, splitByMonths } from './period';

const WARSAW = 'Europe/Warsaw';

describe('periods in the organization’s time zone', () => {
  it('reads a date as that local day and a date-time as that instant', () => {
    expect(parseBound('2026-03-29', 'from', WARSAW).at.toISOString()).toBe('2026-03-28T23:00:00.000Z');
    // `to` includes its day: it ends at the next local midnight, after the switch to summer time.
    expect(parseBound('2026-03-29', 'to', WARSAW).at.toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(parseBound('2026-03-29T22:00:00Z', 'to', WARSAW).day).toBeDefined();
    expect(parseBound('2026-03-29T21:00:00Z', 'to', WARSAW).day).toBeUndefined();
  });

  it('knows when whole days of a roll-up cover a period', () => {
    expect(isDayAligned(parsePeriod({ from: '2026-01-01', to: '2026-01-31' }, WARSAW))).toBe(true);
    expect(isDayAligned(parsePeriod({ from: '2026-01-01T00:00:00+01:00' }, WARSAW))).toBe(true);
    expect(isDayAligned(parsePeriod({ from: '2026-01-01T00:00:00Z' }, WARSAW))).toBe(false);
    expect(isDayAligned({})).toBe(true);
  });

  it('takes the previous period as the same number of local days', () => {
    const march = parsePeriod({ from: '2026-03-01', to: '2026-03-31' }, WARSAW);
    const before = previousPeriod(march, new Date('2026-04-15T00:00:00Z'), WARSAW);
    // 31 days before March 1 is January 29, whatever the clock change in between.
    expect(before.from?.at.toISOString()).toBe('2026-01-28T23:00:00.000Z');
    expect(before.to?.at.toISOString()).toBe('2026-02-28T23:00:00.000Z');
  });

  it('takes the previous period as the same duration between instants, up to now', () => {
    const p = parsePeriod({ from: '2026-03-02T06:00:00Z' }, WARSAW);
    const before = previousPeriod(p, new Date('2026-03-02T09:00:00Z'), WARSAW);
    expect(before.from?.at.toISOString()).toBe('2026-03-02T03:00:00.000Z');
    expect(isDayAligned(before)).toBe(false);
  });

  it('names the bad end of a period', () => {
    expect(() => parsePeriod({ from: '2026-02-01', to: '2026-01-01' }, WARSAW)).toThrow(/query\.to/);
    expect(() => previousPeriod({}, new Date(), WARSAW)).toThrow(/from/);
  });
});

describe('whole months of a period', () => {
  const d = (s: string) => parseDayNumber(s);
  const text = (r: {
    months?: [number | undefined, number | undefined];
    days: [number | undefined, number | undefined][];
  }) => ({
    months: r.months?.map((x) => (x === undefined ? null : formatDayNumber(x))),
    days: r.days.map((p) => p.map((x) => (x === undefined ? null : formatDayNumber(x)))),
  });

  it('takes whole months from the month table and the ends from the days', () => {
    expect(text(splitByMonths(d('2026-01-15'), d('2026-04-10')))).toEqual({
      months: ['2026-02-01', '2026-04-01'],
      days: [
        ['2026-01-15', '2026-02-01'],
        ['2026-04-01', '2026-04-10'],
      ],
    });
    expect(text(splitByMonths(d('2026-01-01'), d('2026-03-01')))).toEqual({
      months: ['2026-01-01', '2026-03-01'],
      days: [],
    });
    expect(text(splitByMonths(undefined, undefined))).toEqual({ months: [null, null], days: [] });
    expect(text(splitByMonths(d('2025-12-31'), undefined))).toEqual({
      months: ['2026-01-01', null],
      days: [['2025-12-31', '2026-01-01']],
    });
  });

  it('reads a period inside one month from the days only', () => {
    expect(text(splitByMonths(d('2026-02-03'), d('2026-02-20')))).toEqual({
      months: undefined,
      days: [['2026-02-03', '2026-02-20']],
    });
  });
});
