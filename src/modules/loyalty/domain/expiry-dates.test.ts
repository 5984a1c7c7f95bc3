import { describe, expect, it } from 'vitest';
import { expiryOf } from './expiry-dates';

describe('expiryOf', () => {
  const at = new Date('2026-03-14T22:30:00Z'); // 23:30 in Warsaw (UTC+1), 15 March 07:30 in Tokyo
  it('never expires', () => expect(expiryOf(at, 'never', null, 'UTC')).toBeNull());
  it('N days after earning, to the millisecond', () =>
    expect(expiryOf(at, 'days_after_earning', 30, 'UTC')?.toISOString()).toBe('2026-04-13T22:30:00.000Z'));
  it('end of month is the local midnight that starts the next month', () => {
    // Warsaw moved to summer time (UTC+2) on 29 March: 1 April 00:00 local = 31 March 22:00 UTC.
    expect(expiryOf(at, 'end_of_month', null, 'Europe/Warsaw')?.toISOString()).toBe(
      '2026-03-31T22:00:00.000Z',
    );
    expect(expiryOf(at, 'end_of_month', null, 'UTC')?.toISOString()).toBe('2026-04-01T00:00:00.000Z');
  });
  it('the local month decides: late on the last day in UTC is already next month in Tokyo', () => {
    const late = new Date('2026-01-31T20:00:00Z'); // 1 February 05:00 in Tokyo
    expect(expiryOf(late, 'end_of_month', null, 'Asia/Tokyo')?.toISOString()).toBe(
      '2026-02-28T15:00:00.000Z',
    );
    expect(expiryOf(late, 'end_of_month', null, 'UTC')?.toISOString()).toBe('2026-02-01T00:00:00.000Z');
  });
  it('end of year, December rolls into January', () => {
    expect(
      expiryOf(new Date('2026-12-31T12:00:00Z'), 'end_of_year', null, 'Europe/Warsaw')?.toISOString(),
    ).toBe('2026-12-31T23:00:00.000Z');
    expect(expiryOf(new Date('2026-12-15T12:00:00Z'), 'end_of_month', null, 'UTC')?.toISOString()).toBe(
      '2027-01-01T00:00:00.000Z',
    );
  });
});
