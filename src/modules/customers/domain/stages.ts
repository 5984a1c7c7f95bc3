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

/** The instants the rules' windows start at a given now: purchases, referrals, activity. */
export type Cutoffs = { regularFrom: Date; referralFrom: Date; activeFrom: Date };

/** Event types the rules read beyond the first contact. */
const SIGNAL_TYPES = new Set(['purchase', 'referral', 'survey_response']);

/**
 * Which customers arriving events move, split by what they move.
 *
 * `current`: those whose stage now can change (their stored stage being current; what time alone
 * changes is the daily review's): any contact moves a potential customer; a purchase a visitor,
 * buyer or lost one; a referral a regular one; a survey answer (a new latest NPS) any. Given the
 * `cutoffs`, an event older than the window it could matter in moves nobody's stage now: a buyer's
 * purchase before the regular window, a lost customer's before the active one, a referral before
 * the referral window.
 *
 * `past`: the others whose history can still change at some earlier point: a purchase, a referral
 * or an answer of anyone; any event older than the first contact known (or of unknown first
 * contact). A visit of a customer in contact since before it changes nothing.
 */
export function splitArrivals(arrived: readonly Arrival[], cutoffs: Cutoffs) {
  const regularFrom = cutoffs.regularFrom.getTime();
  const referralFrom = cutoffs.referralFrom.getTime();
  const activeFrom = cutoffs.activeFrom.getTime();
  const current = new Set<string>();
  const past = new Set<string>();
  for (const { customerId, type, occurredAt, stageBefore, firstContactBefore } of arrived) {
    if (current.has(customerId)) continue;
    const at = occurredAt.getTime();
    if (
      stageBefore === null ||
      stageBefore === 'potential' ||
      type === 'survey_response' ||
      (type === 'purchase' &&
        (stageBefore === 'visitor' ||
          (stageBefore === 'buyer' && at >= regularFrom) ||
          (stageBefore === 'lost' && at >= activeFrom))) ||
      (type === 'referral' && stageBefore === 'regular' && at >= referralFrom)
    ) {
      current.add(customerId);
      past.delete(customerId);
    } else if (SIGNAL_TYPES.has(type) || firstContactBefore === null || occurredAt < firstContactBefore) {
      past.add(customerId);
    }
  }
  return { current: [...current], past: [...past] };
}
