// Calendar days of a time zone as day numbers (see day-number.ts) and back to instants.
import { formatDayNumber, toDayNumber } from './day-number';
import { instantOfLocal, localPartsOf } from './time-zone';

/** The calendar day an instant falls on in `timeZone`, as days since 1970-01-01. */
export function localDayOf(instant: Date, timeZone: string): number {
  const p = localPartsOf(instant.getTime(), timeZone);
  return toDayNumber(p.year, p.month, p.day);
}

/** The instant a calendar day (a day number) starts in `timeZone`. */
export function startOfLocalDay(day: number, timeZone: string): Date {
  const [y, m, d] = formatDayNumber(day).split('-').map(Number);
  return new Date(instantOfLocal(y, m, d, 0, timeZone));
}
