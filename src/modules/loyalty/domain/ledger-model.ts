/**
 * Words of the points ledger, as the API spells them: movement kinds, expiry modes, the refund
 * policy, earn rule kinds, and what the nightly invariant check reports.
 */

/** Every movement of points is an entry of one of these kinds; none is ever edited or removed. */
export const ENTRY_KINDS = ['earn', 'spend', 'expire', 'refund', 'adjust', 'restore'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** When earned points expire: never, N days after earning, at the end of the month or year they were earned in (local time). */
export const EXPIRY_MODES = ['never', 'days_after_earning', 'end_of_month', 'end_of_year'] as const;
export type ExpiryMode = (typeof EXPIRY_MODES)[number];

/**
 * What a refund does when the purchase's points were already spent: `negative_balance` takes
 * them back anyway (the balance goes below zero by what could not be taken; later earns pay it
 * off first); `forfeit` takes back only what is left.
 */
export const REFUND_POLICIES = ['negative_balance', 'forfeit'] as const;
export type RefundPolicy = (typeof REFUND_POLICIES)[number];

/** Earn rules: per amount spent, per category or item bought, per referral, tier multipliers, campaigns. */
export const EARN_RULE_KINDS = [
  'amount',
  'category',
  'item',
  'referral',
  'tier_multiplier',
  'campaign',
] as const;
export type EarnRuleKind = (typeof EARN_RULE_KINDS)[number];

/** Where a movement came from. Other kinds may be named by other parts of the program. */
export const SOURCE_KINDS = ['event', 'rule', 'manual', 'redemption', 'referral', 'expiry', 'offer'] as const;

/** Who or what caused an entry: an event id, a redemption id…; the user for a manual one. */
export type EntrySource = { kind: string; id?: string | null; userId?: string | null };

/** One customer whose figures disagree, as the invariant check found them. */
export type InvariantBreak = {
  customerId: string;
  balance: number;
  entriesSum: number;
  lotsRemaining: number;
  debt: number;
  /** Lots whose remaining is below zero or disagrees with their links. */
  badLots: number;
  /** Entries whose points disagree with their links to lots. */
  badEntries: number;
};
