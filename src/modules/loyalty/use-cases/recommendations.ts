/**
 * Items to recommend to one customer: consequents of stored basket rules whose antecedent one of the
 * customer's recent baskets holds, which the customer has not bought, each with the rule behind it,
 * ranked by the rule's lower bound of lift × the customer's expected value.
 *
 * The expected value is the value module's CLV when the customer is scored; without a model, the
 * customer's purchases of the last 365 days (a year's spend as the naive guess of the next year's);
 * with neither, 1, so the lift bound alone ranks. One customer's items share the factor, so within a
 * customer the lift bound orders them; the factor makes scores comparable across customers and offers.
 */
import type { Executor } from '../../../db/database';
import type { AppContext } from '../../../http/types';
import { type CustomerExtension, latestCustomerBaskets } from '../../customers/api';
import { findCustomerValueScore } from '../../value/api';
import { findBasketSettings, rulesWithin } from '../data/repo-basket-rules';
import { BOUGHT_HISTORY, DEFAULT_BASKET_SETTINGS } from '../domain/basket-settings';

const DAY_MS = 86_400_000;
/** Candidate rules read per customer before the per-basket check. */
const CANDIDATES = 300;

export type RecommendationValueSource = 'clv' | 'recent_spend' | 'none';

export type Recommendation = {
  item: string;
  name: string;
  score: number;
  /** The customer's expected value in the base currency's minor units (1 when unknown). */
  expectedValueMinor: number;
  valueSource: RecommendationValueSource;
  /** The rule that justifies it: its antecedent was in one of the customer's recent baskets. */
  rule: {
    id: string;
    antecedent: string[];
    antecedentNames: string[];
    support: number;
    confidence: number;
    lift: number;
    liftLower: number;
    count: number;
    baskets: number;
  };
};

/** Up to `limit` items for the customer, best first; none when no rule applies or nothing was bought. */
export async function recommendFor(
  ctx: AppContext,
  tx: Executor,
  orgId: string,
  customerId: string,
  limit: number,
): Promise<Recommendation[]> {
  const now = ctx.clock.now();
  const settings = (await findBasketSettings(tx, orgId)) ?? DEFAULT_BASKET_SETTINGS;
  const history = await latestCustomerBaskets(tx, orgId, customerId, {
    since: new Date(now.getTime() - Math.max(settings.windowDays, 365) * DAY_MS),
    limit: BOUGHT_HISTORY,
  });
  const recent = history
    .filter((b) => b.codes.length > 0)
    .slice(0, settings.recentBaskets)
    .map((b) => new Set(b.codes));
  if (!recent.length || limit < 1) return [];
  const bought = new Set(history.flatMap((b) => b.codes));
  const inRecent = [...new Set(recent.flatMap((b) => [...b]))];
  const candidates = await rulesWithin(tx, orgId, inRecent, CANDIDATES);

  const chosen = new Map<string, (typeof candidates)[number]>();
  for (const rule of candidates) {
    if (bought.has(rule.consequent) || chosen.has(rule.consequent)) continue;
    if (!recent.some((basket) => rule.antecedent.every((item) => basket.has(item)))) continue;
    chosen.set(rule.consequent, rule);
    if (chosen.size >= limit) break;
  }
  if (!chosen.size) return [];

  const value = await findCustomerValueScore(tx, orgId, customerId);
  let expectedValueMinor = 1;
  let valueSource: RecommendationValueSource = 'none';
  if (value && value.clvMinor > 0) {
    expectedValueMinor = value.clvMinor;
    valueSource = 'clv';
  } else {
    const yearAgo = now.getTime() - 365 * DAY_MS;
    const spend = history
      .filter((b) => b.occurredAt.getTime() >= yearAgo)
      .reduce((sum, b) => sum + b.amountMinor, 0);
    if (spend > 0) {
      expectedValueMinor = spend;
      valueSource = 'recent_spend';
    }
  }
  return [...chosen.values()]
    .map((rule) => ({
      item: rule.consequent,
      name: rule.consequentName,
      score: rule.liftLower * expectedValueMinor,
      expectedValueMinor,
      valueSource,
      rule: {
        id: rule.id,
        antecedent: rule.antecedent,
        antecedentNames: rule.antecedentNames,
        support: rule.support,
        confidence: rule.confidence,
        lift: rule.lift,
        liftLower: rule.liftLower,
        count: rule.count,
        baskets: rule.baskets,
      },
    }))
    .sort((a, b) => b.score - a.score || b.rule.confidence - a.rule.confidence);
}

/**
 * The profile's recommended items, each with its rule; the export carries them too. Nothing is
 * stored per customer (rules are aggregates of many baskets), so erasure has nothing to remove here:
 * once the customers module erases the person's events, no recommendation can be made for them.
 */
export const basketCustomerExtensions = (ctx: AppContext): CustomerExtension[] => [
  {
    name: 'basketRecommendations',
    profile: (tx, orgId, customerId) => recommendFor(ctx, tx, orgId, customerId, 5),
    export: (tx, orgId, customerId) => recommendFor(ctx, tx, orgId, customerId, 50),
  },
];
