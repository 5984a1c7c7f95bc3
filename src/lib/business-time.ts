import { instantOfLocal, localPartsOf } from './time-zone';

/** Working intervals of one weekday as [start, end) minutes after local midnight (end ≤ 1440). */
export type DayHours = readonly (readonly [number, number])[];

/** When an organization works: its time zone, hours per weekday and holidays. */
export interface BusinessCalendar {
  timeZone: string;
  /** Index 0 is Sunday … 6 is Saturday, as Date#getUTCDay counts. */
  week: readonly DayHours[];
  /** Local dates 'YYYY-MM-DD' on which nobody works. */
  holidays: ReadonlySet<string>;
}

const MINUTE_MS = 60_000;
/** A calendar without a working minute in this many days is treated as broken, not looped on. */
const MAX_DAYS = 5 * 366;

const isoDate = (y: number, m: number, d: number) =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** Working intervals as instants, in order, from the local day that contains `fromMs`. */
function* workingIntervals(fromMs: number, cal: BusinessCalendar): Generator<[number, number]> {
  const start = localPartsOf(fromMs, cal.timeZone);
  for (let i = 0; i < MAX_DAYS; i++) {
    const date = new Date(Date.UTC(start.year, start.month - 1, start.day + i));
    const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
    if (cal.holidays.has(isoDate(y, m, d))) continue;
    for (const [from, to] of cal.week[date.getUTCDay()] ?? []) {
      const [open, close] = [
        instantOfLocal(y, m, d, from, cal.timeZone),
        instantOfLocal(y, m, d, to, cal.timeZone),
      ];
      // Hours that the clocks skip when summer time starts (02:30–03:00 in Prague that night) are
      // no working time at all: their opening can map past their closing.
      if (close > open) yield [open, close];
    }
  }
}

/**
 * The instant `minutes` of working time after `start`. Time outside working hours does not count,
 * so a start at night begins counting at the next opening. Zero or negative minutes return `start`.
 */
export function addBusinessMinutes(start: Date, minutes: number, cal: BusinessCalendar): Date {
  const begin = start.getTime();
  let remaining = Math.round(minutes * MINUTE_MS);
  if (remaining <= 0) return new Date(begin);
  for (const [open, close] of workingIntervals(begin, cal)) {
    if (close <= begin) continue;
    const from = Math.max(open, begin);
    if (remaining <= close - from) return new Date(from + remaining);
    remaining -= close - from;
  }
  throw new RangeError(`the calendar has no working time within ${MAX_DAYS} days`);
}

/** Working minutes between two instants (fractional; 0 when `to` is not after `from`). */
export function businessMinutesBetween(from: Date, to: Date, cal: BusinessCalendar): number {
  const [a, b] = [from.getTime(), to.getTime()];
  if (b <= a) return 0;
  let total = 0;
  for (const [open, close] of workingIntervals(a, cal)) {
    if (open >= b) break;
    total += Math.max(0, Math.min(close, b) - Math.max(open, a));
  }
  return total / MINUTE_MS;
}
