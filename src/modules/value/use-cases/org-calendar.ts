import type { AppContext } from '../../../http/types';
import { formatDayNumber, parseDayNumber } from '../../../lib/day-number';
import { invalid } from '../../../lib/errors';
import { localDayOf, startOfLocalDay } from '../../../lib/local-day';
import { findOrgLocaleSettings } from '../../orgs/api';

export type OrgCalendar = {
  timeZone: string;
  baseCurrency: string;
  defaultLocale: string;
  /** Today in the organization's time zone (day number). */
  today: number;
  /** The instant tomorrow starts: purchases before it are "up to today". */
  endOfToday: Date;
};

export async function loadOrgCalendar(ctx: AppContext, orgId: string): Promise<OrgCalendar> {
  const org = await ctx.db.withOrg(orgId, (tx) => findOrgLocaleSettings(tx, orgId));
  const today = localDayOf(ctx.clock.now(), org.timeZone);
  return { ...org, today, endOfToday: startOfLocalDay(today + 1, org.timeZone) };
}

/** The calibration end as a day number: the given calendar date, or today; never after today. */
export function resolveUntil(until: string | undefined, cal: OrgCalendar, field = 'until'): number {
  return until === undefined ? cal.today : parseNotAfterToday(until, cal, field);
}

/**
 * The holdout end: the given date (after `until`), or by default the latest purchase day when
 * it is after `until` (imported history ends there, not today); none otherwise.
 */
export function resolveHoldoutUntil(
  holdoutUntil: string | undefined,
  until: number,
  lastPurchaseDay: number | undefined,
  cal: OrgCalendar,
  field = 'holdoutUntil',
): number | undefined {
  if (holdoutUntil === undefined) {
    return lastPurchaseDay !== undefined && lastPurchaseDay > until ? lastPurchaseDay : undefined;
  }
  const day = parseNotAfterToday(holdoutUntil, cal, field);
  if (day <= until) throw invalid(field, `must be after the calibration end ${formatDayNumber(until)}`);
  return day;
}

function parseNotAfterToday(date: string, cal: OrgCalendar, field: string): number {
  const day = parseDayNumber(date);
  if (!Number.isInteger(day) || date.length !== 10) {
    throw invalid(field, 'must be a calendar date YYYY-MM-DD');
  }
  if (day > cal.today) {
    throw invalid(
      field,
      `must not be after today (${formatDayNumber(cal.today)} in ${cal.timeZone}, the organization's time zone)`,
    );
  }
  return day;
}
