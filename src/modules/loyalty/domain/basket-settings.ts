/** Thresholds of basket-rule mining and recommendations, with the defaults an organization starts from. */
export type BasketSettings = {
  /** Share of baskets an itemset must be in (0–1]. */
  minSupport: number;
  /** Share of the antecedent's baskets that also hold the consequent (0–1]. */
  minConfidence: number;
  /** Most items of a rule, antecedent and consequent together (2–6). */
  maxLength: number;
  /** Purchases of the last this many days are mined. */
  windowDays: number;
  /** A customer's latest baskets whose items recommendations start from. */
  recentBaskets: number;
};

export const DEFAULT_BASKET_SETTINGS: BasketSettings = {
  minSupport: 0.005,
  minConfidence: 0.2,
  maxLength: 3,
  windowDays: 365,
  recentBaskets: 5,
};

/** Rules kept per organization, best lift bound first: enough for any shop, bounded for the index. */
export const MAX_STORED_RULES = 5000;

/** Baskets: a customer's purchases read to know what they already bought. */
export const BOUGHT_HISTORY = 100;
