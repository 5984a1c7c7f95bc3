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

/**
 * An event that arrived, with what its customer's row said before: its stage (null: not read)
 * and its first contact, when the row tells it (null: not known).
 */
export type Arrival = {
  customerId: string;
  type: string;
  occurredAt: Date;
  stageBefore: string | null;
  firstContactBefore: Date | null;
};

/** Event types the rules read beyond the first contact. */
const SIGNAL_TYPES = new Set(['purchase', 'referral', 'survey_response']);

/**
 * The customers whose stage history arriving events can change, at any point of it: a purchase,
 * a referral or a survey answer of anyone; any event of a customer not yet in contact, not read,
 * or older than the first contact known. A visit of a customer in contact since before it
 * changes nothing.
 */
export function movedByArrivals(arrived: readonly Arrival[]): string[] {
  const moved = new Set<string>();
  for (const { customerId, type, occurredAt, stageBefore, firstContactBefore } of arrived) {
    if (moved.has(customerId)) continue;
    if (
      SIGNAL_TYPES.has(type) ||
      stageBefore === null ||
      stageBefore === 'potential' ||
      firstContactBefore === null ||
      occurredAt < firstContactBefore
    )
      moved.add(customerId);
  }
  return [...moved];
}
