import { formatDayNumber, parseDayNumber, toDayNumber } from '../../../lib/day-number';

export const GOODWILL_PERIODS = ['month', 'quarter', 'year'] as const;
export type GoodwillPeriod = (typeof GOODWILL_PERIODS)[number];
export const GOODWILL_KINDS = ['refund', 'gift', 'service'] as const;
export type GoodwillKind = (typeof GOODWILL_KINDS)[number];

/** The first day (YYYY-MM-DD) of the budget period holding local day `day` (YYYY-MM-DD). */
export function periodStart(day: string, period: GoodwillPeriod): string {
  const [y, m] = day.split('-').map(Number);
  const month = period === 'month' ? m : period === 'quarter' ? m - ((m - 1) % 3) : 1;
  return formatDayNumber(toDayNumber(y, month, 1));
}

/** The first day of the period after the one starting at `start`. */
export function nextPeriodStart(start: string, period: GoodwillPeriod): string {
  const [y, m] = formatDayNumber(parseDayNumber(start)).split('-').map(Number);
  const months = period === 'month' ? 1 : period === 'quarter' ? 3 : 12;
  const index = y * 12 + (m - 1) + months;
  return formatDayNumber(toDayNumber(Math.floor(index / 12), (index % 12) + 1, 1));
}

export type Budget = { poolMinor: number; perCustomerMinor: number | null };
export type Spent = { tierMinor: number; customerMinor: number };

/**
 * Why a grant of `amount` does not fit the budget, or null when it does: the tier's pool for the
 * period and the cap per customer are both limits; what is left is reported so the agent can adjust.
 */
export function budgetRefusal(
  budget: Budget,
  spent: Spent,
  amount: number,
): { limit: 'pool' | 'perCustomer'; leftMinor: number } | null {
  const poolLeft = budget.poolMinor - spent.tierMinor;
  if (amount > poolLeft) return { limit: 'pool', leftMinor: Math.max(0, poolLeft) };
  if (budget.perCustomerMinor !== null) {
    const customerLeft = budget.perCustomerMinor - spent.customerMinor;
    if (amount > customerLeft) return { limit: 'perCustomer', leftMinor: Math.max(0, customerLeft) };
  }
  return null;
}
