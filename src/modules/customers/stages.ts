/** The customer typology of DESIGN.md, in the order a customer usually moves through it. */
export const STAGES = ['potential', 'visitor', 'buyer', 'regular', 'loyal', 'lost'] as const;
export type Stage = (typeof STAGES)[number];

/**
 * Thresholds of the lifecycle rules, kept per organization. "Within the last N days" counts
 * calendar days in the organization's time zone: a purchase N days ago is within, N + 1 is not.
 *
 * - potential: known, never in contact (no event, no survey response)
 * - visitor: in contact, never bought
 * - buyer: bought
 * - regular: at least `regularMinPurchases` purchases within `regularWindowDays`
 * - loyal: regular and (latest NPS ≥ `loyalMinNps` or a referral within `referralWindowDays`)
 * - lost: has bought, but not within `lostAfterDays`; or, when `lostAliveBelow` is set and the
 *   value model supplied one, a probability of being alive below it
 */
export type LifecycleRules = {
  regularMinPurchases: number;
  regularWindowDays: number;
  loyalMinNps: number;
  referralWindowDays: number;
  lostAfterDays: number;
  lostAliveBelow: number | null;
};

export const DEFAULT_RULES: LifecycleRules = {
  regularMinPurchases: 3,
  regularWindowDays: 365,
  loyalMinNps: 9,
  referralWindowDays: 365,
  lostAfterDays: 180,
  lostAliveBelow: null,
};

/** Event types with a meaning in the rules and the scores; any other lower-case word is a custom type. */
export const EVENT_TYPES = ['purchase', 'refund', 'visit', 'contact', 'referral', 'survey_response'] as const;
