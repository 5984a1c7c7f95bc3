/** Kinds of offer, as the API spells them. */
export const OFFER_KINDS = ['discount', 'product', 'perk'] as const;
export type OfferKind = (typeof OFFER_KINDS)[number];

/** rules: the offer names its own items; recommendation: each customer's items come from the basket rules. */
export const OFFER_SOURCES = ['rules', 'recommendation'] as const;
export type OfferSource = (typeof OFFER_SOURCES)[number];

export const OFFER_ARMS = ['shown', 'holdout'] as const;
export type OfferArm = (typeof OFFER_ARMS)[number];

/** Who an offer is for: every list given must hold the customer's value; empty lists hold for all. */
export type OfferTarget = {
  segments: readonly string[];
  stages: readonly string[];
  tiers: readonly string[];
  serviceTiers: readonly string[];
  /** `attributes.key` must equal the value (strings, numbers and booleans compared as they are). */
  attributes: Record<string, string | number | boolean>;
};

/** What targeting reads of one customer. */
export type OfferTraits = {
  segment: string | null;
  stage: string;
  tier: string | null;
  serviceTier: string | null;
  attributes: Record<string, unknown>;
};

const holds = (list: readonly string[], value: string | null) =>
  list.length === 0 || (!!value && list.includes(value));

export function targets(t: OfferTarget, c: OfferTraits): boolean {
  return (
    holds(t.segments, c.segment) &&
    holds(t.stages, c.stage) &&
    holds(t.tiers, c.tier) &&
    holds(t.serviceTiers, c.serviceTier) &&
    Object.entries(t.attributes).every(([k, v]) => c.attributes[k] === v)
  );
}

/** Whether the offer runs at `now`: active, started, not ended. */
export const isRunning = (o: { active: boolean; startsAt: Date; endsAt: Date | null }, now: Date) =>
  o.active && o.startsAt <= now && (!o.endsAt || o.endsAt > now);

/** A purchase line as events carry it (`data.items`). */
export type PurchaseLine = { sku?: unknown; category?: unknown };

/**
 * Whether a purchase converts an exposure: any purchase when the offer names no items or
 * categories; else a line with one of the items (the offer's, or those recommended to the
 * customer) or of one of the categories.
 */
export function purchaseMatches(
  lines: readonly PurchaseLine[],
  items: readonly string[],
  categories: readonly string[],
): boolean {
  if (items.length === 0 && categories.length === 0) return true;
  return lines.some(
    (l) =>
      (typeof l.sku === 'string' && items.includes(l.sku)) ||
      (typeof l.category === 'string' && categories.includes(l.category)),
  );
}
