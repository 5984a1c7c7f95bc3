import { formatDayNumber, parseDayNumber, toDayNumber } from '../../../lib/day-number';
import { invalid } from '../../../lib/errors';
import { instantOfLocal, localPartsOf } from '../../../lib/time-zone';

/** One end of a period: an instant, and its local calendar day when it falls on a local midnight. */
export type Bound = { at: Date; day?: number };

/** A half-open period [from, to); a missing end is open. */
export type Period = { from?: Bound; to?: Bound };

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** The instant a local calendar day starts in `timeZone`. */
export function startOfDay(dayNumber: number, timeZone: string): Date {
  const [y, m, d] = formatDayNumber(dayNumber).split('-').map(Number);
  return new Date(instantOfLocal(y, m, d, 0, timeZone));
}

/** The local day of an instant, when the instant is exactly that day's start. */
function dayStartingAt(at: Date, timeZone: string): number | undefined {
  const p = localPartsOf(at.getTime(), timeZone);
  const day = toDayNumber(p.year, p.month, p.day);
  return startOfDay(day, timeZone).getTime() === at.getTime() ? day : undefined;
}

const boundAt = (at: Date, timeZone: string): Bound => ({ at, day: dayStartingAt(at, timeZone) });

/**
 * A period end as the client wrote it: a calendar date means that local day (`to` includes it),
 * an ISO date-time with offset means that instant (`to` excludes it).
 */
export function parseBound(text: string, end: 'from' | 'to', timeZone: string): Bound {
  if (DATE_ONLY.test(text)) {
    const day = parseDayNumber(text) + (end === 'to' ? 1 : 0);
    return { at: startOfDay(day, timeZone), day };
  }
  return boundAt(new Date(text), timeZone);
}

/** Parses `from`/`to` query values; `to` must come after `from`. */
export function parsePeriod(
  input: { from?: string; to?: string },
  timeZone: string,
  names: { from: string; to: string } = { from: 'from', to: 'to' },
): Period {
  const from = input.from === undefined ? undefined : parseBound(input.from, 'from', timeZone);
  const to = input.to === undefined ? undefined : parseBound(input.to, 'to', timeZone);
  if (from && to && to.at.getTime() <= from.at.getTime()) {
    throw invalid(`query.${names.to}`, `must be after ${names.from}`);
  }
  return { from, to };
}

/** True when every present end falls on a local midnight, so whole days of a roll-up cover it. */
export const isDayAligned = (p: Period) =>
  (!p.from || p.from.day !== undefined) && (!p.to || p.to.day !== undefined);

/**
 * The period of equal length just before `p` (its `to` defaults to `now`): the same number of
 * calendar days when `p` is made of whole days, else the same duration.
 */
export function previousPeriod(p: Period, now: Date, timeZone: string): Period {
  if (!p.from) throw invalid('query.compare', 'previous needs from');
  const to = p.to ?? boundAt(now, timeZone);
  if (p.from.day !== undefined && to.day !== undefined) {
    const days = to.day - p.from.day;
    const fromDay = p.from.day - days;
    return { from: { at: startOfDay(fromDay, timeZone), day: fromDay }, to: p.from };
  }
  const length = to.at.getTime() - p.from.at.getTime();
  return { from: boundAt(new Date(p.from.at.getTime() - length), timeZone), to: p.from };
}

export const dayText = (day: number) => formatDayNumber(day);

/** The local calendar day of an instant, as a day number. */
export function localDayOf(at: Date, timeZone: string): number {
  const p = localPartsOf(at.getTime(), timeZone);
  return toDayNumber(p.year, p.month, p.day);
}

/** 'YYYY-MM-01' of the local month of a day number. */
export const monthOfDay = (day: number) => `${formatDayNumber(day).slice(0, 7)}-01`;

const firstOfMonth = (day: number) => parseDayNumber(monthOfDay(day));
const firstOfNextMonth = (day: number) => firstOfMonth(firstOfMonth(day) + 31);

/**
 * Splits whole days [fromDay, toDay) (either end open) into whole months and the days left at
 * either end: `months` is [first month start, end month start), undefined when no month is whole.
 */
export function splitByMonths(
  fromDay: number | undefined,
  toDay: number | undefined,
): { months?: [number | undefined, number | undefined]; days: [number | undefined, number | undefined][] } {
  const m1 =
    fromDay === undefined
      ? undefined
      : firstOfMonth(fromDay) === fromDay
        ? fromDay
        : firstOfNextMonth(fromDay);
  const m2 = toDay === undefined ? undefined : firstOfMonth(toDay);
  if (m1 !== undefined && m2 !== undefined && m1 >= m2) return { days: [[fromDay, toDay]] };
  const days: [number | undefined, number | undefined][] = [];
  if (fromDay !== undefined && m1 !== undefined && fromDay < m1) days.push([fromDay, m1]);
  if (toDay !== undefined && m2 !== undefined && m2 < toDay) days.push([m2, toDay]);
  return { months: [m1, m2], days };
}
