import { formatDayNumber, toDayNumber } from '../../../lib/day-number';

/**
 * Rewards and redemptions: what a reward asks of a redemption (its dates, its stock, how many one
 * customer may take per period) and why one is refused, as the API names it.
 */
export const LIMIT_PERIODS = ['day', 'week', 'month', 'year', 'ever'] as const;
export type LimitPeriod = (typeof LIMIT_PERIODS)[number];

export const REDEMPTION_STATUSES = ['redeemed', 'cancelled'] as const;
export type RedemptionStatus = (typeof REDEMPTION_STATUSES)[number];

/** Why a redemption is refused (409), beside `insufficient_points` of the ledger. */
export const REFUSALS = ['out_of_stock', 'limit_reached', 'reward_inactive'] as const;
export type Refusal = (typeof REFUSALS)[number];

/**
 * The first local day (days since 1970-01-01) of the limit period holding local day `day`; weeks
 * start on Monday. Null for `ever`: every redemption counts.
 */
export function limitPeriodStartDay(day: number, period: LimitPeriod): number | null {
  if (period === 'ever') return null;
  if (period === 'day') return day;
  // 1970-01-01 was a Thursday: Monday is 3 days before it.
  if (period === 'week') return day - ((((day + 3) % 7) + 7) % 7);
  const [y, m] = formatDayNumber(day).split('-').map(Number);
  return toDayNumber(y, period === 'month' ? m : 1, 1);
}

export type RewardTerms = {
  active: boolean;
  activeFrom: Date | null;
  activeTo: Date | null;
  stock: number | null;
  perCustomerLimit: number | null;
};

/**
 * Why the reward cannot be redeemed now, or null when it can: it is switched off or outside its
 * dates, nothing is left of its stock, or the customer took their share of the period already.
 */
export function rewardRefusal(reward: RewardTerms, now: Date, takenInPeriod: number): Refusal | null {
  if (!reward.active) return 'reward_inactive';
  if (reward.activeFrom && now < reward.activeFrom) return 'reward_inactive';
  if (reward.activeTo && now >= reward.activeTo) return 'reward_inactive';
  if (reward.stock !== null && reward.stock <= 0) return 'out_of_stock';
  if (reward.perCustomerLimit !== null && takenInPeriod >= reward.perCustomerLimit) return 'limit_reached';
  return null;
}
