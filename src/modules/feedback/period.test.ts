import { describe, expect, it } from 'vitest';
import { isDayAligned, parseBound, parsePeriod, previousPeriod } from './period';

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
