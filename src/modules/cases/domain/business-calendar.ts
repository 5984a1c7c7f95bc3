import type { BusinessCalendar, DayHours } from '../../../lib/business-time';

/** Opening hours per weekday key, as stored: `{ mon: [['09:00', '17:00']], … }`. */
export type StoredWorkingHours = Record<string, [string, string][]>;

/** Weekday keys in Date#getUTCDay order. */
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

const nineToFive: [string, string][] = [['09:00', '17:00']];
export const DEFAULT_WORKING_HOURS: StoredWorkingHours = {
  mon: nineToFive,
  tue: nineToFive,
  wed: nineToFive,
  thu: nineToFive,
  fri: nineToFive,
  sat: [],
  sun: [],
};

/** 'HH:MM' → minutes after midnight ('24:00' is 1440). */
export const minutesOfClock = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
};

/** The stored calendar of an organization as the business-time functions take it. */
export function toBusinessCalendar(
  stored: { workingHours: StoredWorkingHours; holidays: string[]; timeZone: string | null },
  orgTimeZone: string,
): BusinessCalendar {
  const week: DayHours[] = WEEKDAYS.map((day) =>
    (stored.workingHours[day] ?? [])
      .map(([from, to]) => [minutesOfClock(from), minutesOfClock(to)] as const)
      .sort((a, b) => a[0] - b[0]),
  );
  return { timeZone: stored.timeZone ?? orgTimeZone, week, holidays: new Set(stored.holidays) };
}
