import { DEFAULT_TIER_RULE, type TierRule } from './tier-rule';

/** How an organization values its customers; money in minor units of its base currency. */
export type ValueSettings = {
  /** Transaction model that scores customers: BG/NBD (default) or Pareto/NBD. */
  model: 'bgnbd' | 'paretoNbd';
  /** Horizon of expected purchases, lifetime value and cost to serve, in months. */
  horizonMonths: number;
  /** Annual rate future value is discounted at, e.g. 0.1. */
  annualDiscountRate: number;
  /** Share of spend that is profit (1 = value is revenue). */
  margin: number;
  costPerOrderMinor: number;
  costPerContactMinor: number;
  costPerCaseHourMinor: number;
  tierRule: TierRule;
};

/** Neutral until configured: value is revenue, serving costs nothing, tiers by percentile. */
export const DEFAULT_VALUE_SETTINGS: ValueSettings = {
  model: 'bgnbd',
  horizonMonths: 12,
  annualDiscountRate: 0.1,
  margin: 1,
  costPerOrderMinor: 0,
  costPerContactMinor: 0,
  costPerCaseHourMinor: 0,
  tierRule: DEFAULT_TIER_RULE,
};
