import type { AppContext } from '../../http/types';
import { formatDayNumber, parseDayNumber } from '../../lib/day-number';
import { invalid } from '../../lib/errors';
import { localDayOf, startOfLocalDay } from '../../lib/local-day';
import { findOrgLocaleSettings } from '../orgs/api';

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
  if (until === undefined) return cal.today;
  const day = parseDayNumber(until);
  if (!Number.isInteger(day) || until.length !== 10) {
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
