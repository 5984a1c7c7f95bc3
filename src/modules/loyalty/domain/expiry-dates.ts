/**
 * When points earned at an instant expire, by the program's expiry mode: never; N days after
 * earning; at the end of the month or of the year they were earned in, on the organization's
 * wall clock (the lot expires at the local midnight that starts the next month or year).
 */
import { instantOfLocal, localPartsOf } from '../../../lib/time-zone';
import type { ExpiryMode } from './ledger-model';

const DAY_MS = 86_400_000;

export function expiryOf(
  earnedAt: Date,
  mode: ExpiryMode,
  days: number | null,
  timeZone: string,
): Date | null {
  switch (mode) {
    case 'never':
      return null;
    case 'days_after_earning':
      return new Date(earnedAt.getTime() + (days ?? 0) * DAY_MS);
    case 'end_of_month': {
      const p = localPartsOf(earnedAt.getTime(), timeZone);
      const [y, m] = p.month === 12 ? [p.year + 1, 1] : [p.year, p.month + 1];
      return new Date(instantOfLocal(y, m, 1, 0, timeZone));
    }
    case 'end_of_year': {
      const p = localPartsOf(earnedAt.getTime(), timeZone);
      return new Date(instantOfLocal(p.year + 1, 1, 1, 0, timeZone));
    }
  }
}
