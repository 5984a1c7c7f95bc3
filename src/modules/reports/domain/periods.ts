import { formatDayNumber, toDayNumber } from '../../../lib/day-number';
import { localDayOf } from '../../../lib/local-day';
import { instantOfLocal } from '../../../lib/time-zone';

export const FREQUENCIES = ['weekly', 'monthly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** Digests go out at this local time on the first day of a period (Monday, or the 1st). */
export const SEND_MINUTE_OF_DAY = 7 * 60;

/** A period of whole local days [startDay, endDay), as day numbers. */
export type DigestPeriod = { startDay: number; endDay: number };

const ymd = (day: number) => formatDayNumber(day).split('-').map(Number);

/** The first day of the period that contains `day`: its Monday, or the 1st of its month. */
export function periodStartOf(frequency: Frequency, day: number): number {
  if (frequency === 'weekly') return day - ((((day + 3) % 7) + 7) % 7); // 1970-01-01 was a Thursday
  const [y, m] = ymd(day);
  return toDayNumber(y, m, 1);
}

/** The first day of the period after the one that starts on `startDay`. */
export function nextPeriodStart(frequency: Frequency, startDay: number): number {
  if (frequency === 'weekly') return startDay + 7;
  const [y, m] = ymd(startDay);
  return m === 12 ? toDayNumber(y + 1, 1, 1) : toDayNumber(y, m + 1, 1);
}

const sendInstantOf = (day: number, timeZone: string) => {
  const [y, m, d] = ymd(day);
  return new Date(instantOfLocal(y, m, d, SEND_MINUTE_OF_DAY, timeZone));
};

/** The first send time strictly after `after`: 07:00 local on the first day of a period. */
export function nextSendAt(frequency: Frequency, after: Date, timeZone: string): Date {
  let day = periodStartOf(frequency, localDayOf(after, timeZone));
  for (;;) {
    const at = sendInstantOf(day, timeZone);
    if (at > after) return at;
    day = nextPeriodStart(frequency, day);
  }
}

/** The whole period that ended when a digest became due at `sendAt`: the week or month before it. */
export function periodBefore(frequency: Frequency, sendAt: Date, timeZone: string): DigestPeriod {
  const endDay = periodStartOf(frequency, localDayOf(sendAt, timeZone));
  return { startDay: periodStartOf(frequency, endDay - 1), endDay };
}

export const periodKey = (p: DigestPeriod) => formatDayNumber(p.startDay);
