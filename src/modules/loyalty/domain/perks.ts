/** What a perk is: its sources, and the covariates a customer is matched on before it. */

/** Where a perk's grants come from (see migration 0705_loyalty_perks.sql). */
export const PERK_SOURCES = ['event', 'reward', 'tier', 'goodwill', 'offer'] as const;
export type PerkSource = (typeof PERK_SOURCES)[number];

/** The event type an 'event' perk is read from when it names none: `{type: 'perk', data: {perk: code}}`. */
export const DEFAULT_PERK_EVENT = 'perk';

/** Days before and after a grant compared by default. */
export const DEFAULT_WINDOW_DAYS = 90;

/** Controls drawn at most (a seeded sample), so a large organization's analysis stays a few seconds. */
export const MAX_CONTROLS = 20_000;

/** One purchase: local calendar day (days since 1970-01-01) and amount in the base currency, minor units. */
export interface DayPurchase {
  day: number;
  amountMinor: number;
}

/**
 * The covariates a customer is matched on, all read at the index day (the grant's, or a control's
 * pseudo-date) from what happened before it, so nothing the perk caused can leak into the match.
 * Segment, stage and value are functions of these same inputs — recency, frequency and monetary value
 * (RFM segment), purchases over the customer's life and time since the last (lifecycle stage), and
 * frequency, recency, age and mean spend (the CLV models' inputs) — so matching on them at the index
 * day matches on segment, stage and value before the perk; their labels of today would be after it.
 * The loyalty tier joins as one 0/1 covariate per tier held since before the index day.
 */
export const BASE_COVARIATES = [
  'recency',
  'frequency',
  'monetary',
  'tenure',
  'lifetime_purchases',
  'mean_spend',
] as const;

/** Recency and tenure are capped (days): beyond it, older makes no difference. */
const CAP_DAYS = 730;

/**
 * Covariates and outcomes of one customer around the index day `day`, `purchases` sorted by day.
 * Before: [day − window, day); after: (day, day + window] — the index day itself is left out of both,
 * since a perk given with a purchase would otherwise count its own purchase as its effect.
 */
export function windowFigures(purchases: readonly DayPurchase[], day: number, window: number) {
  let beforeCount = 0;
  let beforeRevenue = 0;
  let afterCount = 0;
  let afterRevenue = 0;
  let lifetime = 0;
  let lifetimeRevenue = 0;
  let first: number | undefined;
  let last: number | undefined;
  for (const p of purchases) {
    if (p.day < day) {
      lifetime++;
      lifetimeRevenue += p.amountMinor;
      first ??= p.day;
      last = p.day;
      if (p.day >= day - window) {
        beforeCount++;
        beforeRevenue += p.amountMinor;
      }
    } else if (p.day > day && p.day <= day + window) {
      afterCount++;
      afterRevenue += p.amountMinor;
    }
  }
  const covariates = [
    last === undefined ? CAP_DAYS : Math.min(CAP_DAYS, day - last),
    beforeCount,
    Math.log1p(Math.max(0, beforeRevenue)),
    first === undefined ? 0 : Math.min(CAP_DAYS, day - first),
    Math.log1p(lifetime),
    lifetime ? Math.log1p(Math.max(0, lifetimeRevenue / lifetime)) : 0,
  ];
  return {
    covariates,
    before: { retention: beforeCount > 0 ? 1 : 0, frequency: beforeCount, revenue: beforeRevenue },
    after: { retention: afterCount > 0 ? 1 : 0, frequency: afterCount, revenue: afterRevenue },
  };
}

export interface UnitsInput {
  /** Grants of the perk from `periodFrom − window` to `periodTo + window`, as local days. */
  grants: readonly { customerId: string; day: number }[];
  /** Every customer's purchases, each list sorted by day. */
  purchases: ReadonlyMap<string, readonly DayPurchase[]>;
  /** Loyalty tiers: customer → tier code and the local day it was reached. */
  tiers: ReadonlyMap<string, { tierCode: string; sinceDay: number }>;
  periodFrom: number;
  periodTo: number;
  window: number;
  costMinor: number;
  /** Draws the controls' pseudo-dates (and the sample when they are many): uniform on [0, 1). */
  random: () => number;
  maxControls?: number;
  /** The order customers are taken in before any draw (default their id): external ids make a rerun on other ids the same. */
  sortKey?: (customerId: string) => string;
}

/**
 * The treated — customers whose first grant in [periodFrom, periodTo] opens their after window (cost: their
 * grants from that day through the window) — and the controls: customers with purchases and no grant of
 * the perk from periodFrom − window to periodTo + window, each given a pseudo-date drawn from the treated's
 * index days, so both are measured over the same calendar.
 */
export function perkUnits(input: UnitsInput) {
  const { grants, purchases, tiers, periodFrom, periodTo, window, costMinor, random } = input;
  const index = new Map<string, number>();
  const touched = new Set<string>();
  for (const g of grants) {
    if (g.day < periodFrom - window || g.day > periodTo + window) continue;
    touched.add(g.customerId);
    if (
      g.day >= periodFrom &&
      g.day <= periodTo &&
      !((index.get(g.customerId) ?? Number.POSITIVE_INFINITY) <= g.day)
    ) {
      index.set(g.customerId, g.day);
    }
  }
  const grantCount = new Map<string, number>();
  for (const g of grants) {
    const day = index.get(g.customerId);
    if (day !== undefined && g.day >= day && g.day <= day + window) {
      grantCount.set(g.customerId, (grantCount.get(g.customerId) ?? 0) + 1);
    }
  }
  const tierCodes = [...new Set([...tiers.values()].map((t) => t.tierCode))].sort();
  const covariateNames = [...BASE_COVARIATES, ...tierCodes.map((c) => `tier:${c}`)];
  const unitOf = (customerId: string, day: number, cost: number) => {
    const figures = windowFigures(purchases.get(customerId) ?? [], day, window);
    const tier = tiers.get(customerId);
    const held = tier && tier.sinceDay < day ? tier.tierCode : undefined;
    return {
      covariates: [...figures.covariates, ...tierCodes.map((c) => (c === held ? 1 : 0))],
      before: figures.before,
      after: figures.after,
      costMinor: cost,
    };
  };
  const key = input.sortKey ?? ((id: string) => id);
  const byKey = (a: string, b: string) => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  };
  const treatedIds = [...index.keys()].sort(byKey);
  const treated = treatedIds.map((id) => unitOf(id, index.get(id)!, (grantCount.get(id) ?? 1) * costMinor));
  const days = treatedIds.map((id) => index.get(id)!);
  let candidates = [...purchases.keys()].filter((id) => !touched.has(id)).sort(byKey);
  const max = input.maxControls ?? MAX_CONTROLS;
  if (candidates.length > max) {
    // A partial Fisher–Yates shuffle: the first `max` are a uniform sample.
    for (let i = 0; i < max; i++) {
      const k = i + Math.floor(random() * (candidates.length - i));
      [candidates[i], candidates[k]] = [candidates[k], candidates[i]];
    }
    candidates = candidates.slice(0, max);
  }
  const controls = days.length
    ? candidates.map((id) => unitOf(id, days[Math.floor(random() * days.length)], 0))
    : [];
  return { covariateNames, treated, controls, treatedIds };
}
