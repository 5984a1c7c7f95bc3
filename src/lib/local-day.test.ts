import { describe, expect, it } from 'vitest';
import { formatDayNumber } from './day-number';
import { localDayOf, startOfLocalDay } from './local-day';

describe('local calendar days', () => {
  it('puts an instant on the day its time zone shows', () => {
    const instant = new Date('2026-03-01T23:30:00Z');
    expect(formatDayNumber(localDayOf(instant, 'UTC'))).toBe('2026-03-01');
    expect(formatDayNumber(localDayOf(instant, 'Europe/Warsaw'))).toBe('2026-03-02');
    expect(formatDayNumber(localDayOf(instant, 'America/New_York'))).toBe('2026-03-01');
  });

  it('starts a day at local midnight, across daylight-saving changes', () => {
    const day = localDayOf(new Date('2026-03-29T12:00:00Z'), 'Europe/Warsaw');
    expect(startOfLocalDay(day, 'Europe/Warsaw').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfLocalDay(day + 1, 'Europe/Warsaw').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(startOfLocalDay(day, 'UTC').toISOString()).toBe('2026-03-29T00:00:00.000Z');
  });
});
