/** Offers: their definitions, the offers one customer is shown (each exposure recorded once, the holdout drawn), conversions and results. */
import type { Executor } from '../../../db/database';
import type { DomainEvents } from '../../../events/bus';
import { decodeCursor, type PageQuery, pageOf } from '../../../http/pagination';
import type { AppContext } from '../../../http/types';
import { AppError, notFound } from '../../../lib/errors';
import { type CustomerRef, findCustomerByExternalId } from '../../customers/api';
import * as repo from '../data/repo-offers';
import { isHeldOut } from '../domain/offer-holdout';
import { type OfferArm, type OfferTraits, type PurchaseLine, targets } from '../domain/offer-targeting';
import { offerUplift } from '../domain/offer-uplift';
import { recommendFor } from './recommendations';

export type OfferInput = repo.OfferInput;
export type Offer = Omit<repo.OfferRow, 'orgId'>;

const view = ({ orgId: _o, ...o }: repo.OfferRow): Offer => o;

function checkDates(o: { startsAt: Date; endsAt: Date | null }) {
  if (o.endsAt && o.endsAt <= o.startsAt)
    throw new AppError('validation', 'endsAt: must be after startsAt', [
      { field: 'body.endsAt', message: 'must be after startsAt' },
    ]);
}

function checkSource(o: { source: string; items: readonly string[] }) {
  if (o.source === 'recommendation' && o.items.length > 0)
    throw new AppError('validation', 'items: a recommendation offer takes its items from the basket rules', [
      { field: 'body.items', message: 'a recommendation offer takes its items from the basket rules' },
    ]);
}

export async function createOffer(ctx: AppContext, orgId: string, input: OfferInput) {
  checkDates(input);
  checkSource(input);
  return view(await ctx.db.withOrg(orgId, (tx) => repo.insertOffer(tx, orgId, input, ctx.clock.now())));
}

export async function changeOffer(ctx: AppContext, orgId: string, id: string, patch: Partial<OfferInput>) {
  return ctx.db.withOrg(orgId, async (tx) => {
    const offer = await repo.findOffer(tx, orgId, id);
    if (!offer) throw notFound('offer');
    checkDates({ ...offer, ...patch });
    checkSource({ ...offer, ...patch });
    return view((await repo.updateOffer(tx, orgId, id, patch, ctx.clock.now()))!);
  });
}

export async function getOffer(ctx: AppContext, orgId: string, id: string) {
  const offer = await ctx.db.withOrg(orgId, (tx) => repo.findOffer(tx, orgId, id));
  if (!offer) throw notFound('offer');
  return view(offer);
}

export async function listOffers(ctx: AppContext, orgId: string, page: PageQuery) {
  const position = decodeCursor(page.cursor, ['instant', 'uuid']);
  const rows = await ctx.db.withOrg(orgId, (tx) => repo.pageOffers(tx, orgId, page.limit, position));
  const out = pageOf(rows, page.limit, (o) => [o.createdAt.toISOString(), o.id]);
  return { items: out.items.map(view), nextCursor: out.nextCursor };
}

/** An item an offer proposes: its code (the SKU) and the shop's name when known. */
export type OfferItem = { sku: string; name: string | null; score: number | null };

/** What the customer is shown of one offer. */
export type ShownOffer = {
  id: string;
  name: string;
  description: string;
  kind: repo.OfferRow['kind'];
  source: repo.OfferRow['source'];
  items: OfferItem[];
  exposedAt: Date;
  converted: boolean;
};

const traitsOf = (c: CustomerRef, tier: string | null): OfferTraits => ({
  segment: c.rfmSegment,
  stage: c.lifecycleStage,
  tier,
  serviceTier: c.serviceTier,
  attributes: c.attributes,
});

/**
 * The offers a customer is eligible for now, in the caller's transaction, each exposure recorded
 * once per customer and offer: shown, or held out (the deterministic draw of offer and customer
 * below the offer's holdout share) and so recorded as the control group but not returned. Rule
 * offers come first (by priority), then those whose items the basket rules recommend to this
 * customer; a recommendation offer with nothing to recommend is not an exposure.
 */
export async function exposeOffersInTx(
  ctx: AppContext,
  tx: Executor,
  orgId: string,
  customer: CustomerRef,
  o: { limit: number; channel: 'api' | 'email'; offers?: repo.OfferRow[]; tier?: string | null },
): Promise<{ shown: ShownOffer[]; fresh: number }> {
  const none = { shown: [], fresh: 0 };
  const now = ctx.clock.now();
  // One statement reads the running offers, the customer's exposures and tier (the common case);
  // a caller that holds the offers already (an e-mail send) asks for the rest.
  const found = o.offers
    ? {
        offers: o.offers,
        exposures: await repo.exposuresOf(
          tx,
          orgId,
          customer.id,
          o.offers.map((x) => x.id),
        ),
        tier: o.tier ?? null,
      }
    : await repo.runningOffersFor(tx, orgId, customer.id, now);
  if (!found.offers.length) return none;
  const traits = traitsOf(customer, found.tier);
  const eligible = found.offers.filter((offer) => targets(offer, traits));
  if (!eligible.length) return none;
  const before = found.exposures;
  let recommended: OfferItem[] | undefined;
  const decided: { offer: repo.OfferRow; arm: OfferArm; items: OfferItem[] }[] = [];
  for (const offer of eligible) {
    let items: OfferItem[];
    if (offer.source === 'recommendation') {
      recommended ??= (await recommendFor(ctx, tx, orgId, customer.id, Math.max(3, o.limit))).map((r) => ({
        sku: r.item,
        name: r.name || null,
        score: r.score,
      }));
      items = recommended;
      if (!items.length) continue;
    } else items = offer.items.map((sku) => ({ sku, name: null, score: null }));
    const seen = before.get(offer.id);
    const arm: OfferArm =
      seen?.arm ?? (isHeldOut(offer.id, customer.id, offer.holdoutShare) ? 'holdout' : 'shown');
    decided.push({ offer, arm, items });
  }
  const fresh = decided.filter((d) => !before.has(d.offer.id));
  await repo.insertExposures(
    tx,
    orgId,
    fresh.map((d) => ({
      offerId: d.offer.id,
      customerId: customer.id,
      arm: d.arm,
      channel: o.channel,
      items: d.offer.source === 'recommendation' ? d.items.map((i) => i.sku) : [...d.offer.items],
    })),
    now,
  );
  const shown = decided
    .filter((d) => d.arm === 'shown')
    .slice(0, o.limit)
    .map((d) => {
      const seen = before.get(d.offer.id);
      return {
        id: d.offer.id,
        name: d.offer.name,
        description: d.offer.description,
        kind: d.offer.kind,
        source: d.offer.source,
        items: d.items,
        exposedAt: seen?.exposedAt ?? now,
        converted: !!seen?.convertedAt,
      };
    });
  return { shown, fresh: fresh.length };
}

/** GET /customers/{externalId}/offers. */
export async function offersForCustomer(ctx: AppContext, orgId: string, externalId: string, limit: number) {
  return ctx.db.withOrg(orgId, async (tx) => {
    const customer = await findCustomerByExternalId(tx, orgId, externalId);
    if (!customer || customer.erasedAt) throw notFound('customer');
    return { items: (await exposeOffersInTx(ctx, tx, orgId, customer, { limit, channel: 'api' })).shown };
  });
}

/** An item's code as the basket rules name it: its SKU, else its name, else its category. */
const codeOf = (l: Record<string, unknown>) => {
  for (const k of ['sku', 'name', 'category']) {
    const v = l[k];
    if (typeof v === 'string' && v.trim()) return v.trim().slice(0, 200);
  }
  return undefined;
};

/**
 * Purchases of a batch reach the offers their customers were exposed to: within the window and
 * matching the offer, the exposure converts (`offer.converted`, once) and its revenue grows.
 * An organization that never exposed anyone costs one lookup.
 */
export async function takeOfferPurchases(
  ctx: AppContext,
  tx: Executor,
  payloads: DomainEvents['event.recorded'][],
) {
  const purchases = payloads.filter((p) => p.type === 'purchase');
  if (!purchases.length) return;
  const orgs = new Map<string, typeof purchases>();
  for (const p of purchases) orgs.set(p.orgId, [...(orgs.get(p.orgId) ?? []), p]);
  for (const [orgId, batch] of orgs) {
    if (!(await repo.hasExposures(tx, orgId))) continue;
    const facts = batch.map((p) => {
      const lines = (Array.isArray(p.data.items) ? p.data.items : []).filter(
        (l): l is Record<string, unknown> & PurchaseLine => !!l && typeof l === 'object',
      );
      return {
        customerId: p.customerId,
        eventId: p.eventId,
        at: p.occurredAt,
        minor: p.amountMinor,
        skus: [...new Set(lines.flatMap((l) => codeOf(l) ?? []))],
        categories: [...new Set(lines.flatMap((l) => (typeof l.category === 'string' ? [l.category] : [])))],
      };
    });
    const touched = await repo.addPurchases(tx, orgId, facts);
    await ctx.bus.emitMany(
      tx,
      'offer.converted',
      touched
        .filter((c) => c.first)
        .map((c) => ({
          orgId,
          offerId: c.offerId,
          customerId: c.customerId,
          arm: c.arm,
          eventId: c.eventId,
          convertedAt: c.convertedAt,
          revenueMinor: c.revenueMinor,
        })),
    );
  }
}

/** GET /loyalty/offers/{id}/results: shown against held out, with the incremental effect and its intervals. */
export async function offerResults(ctx: AppContext, orgId: string, id: string) {
  return ctx.db.withOrg(orgId, async (tx) => {
    const offer = await repo.findOffer(tx, orgId, id);
    if (!offer) throw notFound('offer');
    return resultsOf(offer, await repo.armCounts(tx, orgId, id));
  });
}

function resultsOf(offer: repo.OfferRow, counts: Awaited<ReturnType<typeof repo.armCounts>>) {
  const arm = (a: OfferArm) => {
    const c = counts.get(a);
    return {
      n: c?.n ?? 0,
      converted: c?.converted ?? 0,
      revenueMean: c?.revenueMean ?? 0,
      revenueVariance: c?.revenueVariance ?? 0,
      emailed: c?.emailed ?? 0,
    };
  };
  const shown = arm('shown');
  const holdout = arm('holdout');
  const u = offerUplift(shown, holdout);
  const group = (a: typeof shown, rate: number | null, ci: [number, number] | null) => ({
    n: a.n,
    converted: a.converted,
    conversionRate: rate,
    conversionCi95: ci,
    revenuePerCustomerMinor: a.n ? a.revenueMean : null,
    emailed: a.emailed,
  });
  return {
    offerId: offer.id,
    name: offer.name,
    holdoutShare: offer.holdoutShare,
    conversionWindowDays: offer.conversionWindowDays,
    shown: group(shown, u.shownRate, u.shownRateCi95),
    holdout: group(holdout, u.holdoutRate, u.holdoutRateCi95),
    verdict: !u.enough
      ? ('not_enough_data' as const)
      : u.incrementalConversion!.ci95[0] > 0
        ? ('lifts' as const)
        : u.incrementalConversion!.ci95[1] < 0
          ? ('lowers' as const)
          : ('no_clear_effect' as const),
    incrementalConversion: u.incrementalConversion,
    incrementalRevenuePerCustomerMinor: u.incrementalRevenuePerCustomer,
  };
}

/** Every offer's results at once, newest offers first: the dashboard's table and chart. */
export async function allOfferResults(ctx: AppContext, orgId: string, page: PageQuery) {
  const listed = await listOffers(ctx, orgId, page);
  return ctx.db.withOrg(orgId, async (tx) => {
    const items: ReturnType<typeof resultsOf>[] = [];
    for (const o of listed.items)
      items.push(resultsOf({ ...o, orgId }, await repo.armCounts(tx, orgId, o.id)));
    return { items, nextCursor: listed.nextCursor };
  });
}
