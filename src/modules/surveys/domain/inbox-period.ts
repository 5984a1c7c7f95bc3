import { parseDayNumber } from '../../../lib/day-number';
import { startOfLocalDay } from '../../../lib/local-day';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * One end of the inbox's answered-at filter as an instant: a calendar date is that day in the
 * organization's time zone (`to` includes it, so it ends where the next day starts); a date-time
 * is that instant.
 */
export function inboxBound(text: string, end: 'from' | 'to', timeZone: string): Date {
  if (!DATE_ONLY.test(text)) return new Date(text);
  return startOfLocalDay(parseDayNumber(text) + (end === 'to' ? 1 : 0), timeZone);
}
