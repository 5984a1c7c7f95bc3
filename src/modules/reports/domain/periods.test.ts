import { describe, expect, it } from 'vitest';
import { formatDayNumber } from '../../../lib/day-number';
import { nextSendAt, periodBefore } from './periods';

const WARSAW = 'Europe/Warsaw';
const days = (p: { startDay: number; endDay: number }) => [
  formatDayNumber(p.startDay),
  formatDayNumber(p.endDay),
];

describe('digest periods', () => {
  it('sends a weekly digest on Monday at 07:00 local time, for the week before', () => {
    // Wednesday 2026-12-02, 10:00 in Warsaw (UTC+1).
    const at = nextSendAt('weekly', new Date('2026-12-02T09:00:00Z'), WARSAW);
    expect(at.toISOString()).toBe('2026-12-07T06:00:00.000Z');
    expect(days(periodBefore('weekly', at, WARSAW))).toEqual(['2026-11-30', '2026-12-07']);
  });

  it('sends a monthly digest on the 1st, for the month before, across the end of a year', () => {
    const at = nextSendAt('monthly', new Date('2026-12-15T12:00:00Z'), WARSAW);
    expect(at.toISOString()).toBe('2027-01-01T06:00:00.000Z');
    expect(days(periodBefore('monthly', at, WARSAW))).toEqual(['2026-12-01', '2027-01-01']);
  });

  it('takes the next period once the send time itself has passed, and follows summer time', () => {
    const monday = new Date('2026-06-01T05:00:00Z'); // 07:00 in Warsaw (UTC+2)
    expect(nextSendAt('weekly', new Date(monday.getTime() - 1), WARSAW)).toEqual(monday);
    expect(nextSendAt('weekly', monday, WARSAW).toISOString()).toBe('2026-06-08T05:00:00.000Z');
  });
});
