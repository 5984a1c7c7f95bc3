/** Queries of offers and their exposures: definitions, a customer's exposures, conversions and each arm's figures. */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '../../../db/database';
import { after, byCreation, toMilliseconds } from '../../../db/keyset';
import type { CustomerTraits } from '../../customers/api';
import { customerIdsWith } from '../../customers/api';
import type { OfferArm } from '../domain/offer-targeting';
import { loyaltyAccounts } from './tables-ledger';
import { loyaltyOfferExposures, loyaltyOffers } from './tables-offers';

export type OfferRow = typeof loyaltyOffers.$inferSelect;
export type OfferInput = Omit<OfferRow, 'orgId' | 'id' | 'createdAt' | 'updatedAt'>;
export type ExposureRow = typeof loyaltyOfferExposures.$inferSelect;

export async function insertOffer(tx: Executor, orgId: string, input: OfferInput, now: Date) {
  const [row] = await tx
    .insert(loyaltyOffers)
    .values({ ...input, orgId, createdAt: now, updatedAt: now })
    .returning();
  return row as OfferRow;
}

export async function updateOffer(
  tx: Executor,
  orgId: string,
  id: string,
  patch: Partial<OfferInput>,
  now: Date,
) {
  const [row] = await tx
    .update(loyaltyOffers)
    .set({ ...patch, updatedAt: now })
    .where(and(eq(loyaltyOffers.orgId, orgId), eq(loyaltyOffers.id, id)))
    .returning();
  return row as OfferRow | undefined;
}

export async function findOffer(tx: Executor, orgId: string, id: string) {
  const [row] = await tx
    .select()
    .from(loyaltyOffers)
    .where(and(eq(loyaltyOffers.orgId, orgId), eq(loyaltyOffers.id, id)));
  return row as OfferRow | undefined;
}

/** A page of offers in creation order after the (created at, id) position: `limit + 1` rows. */
export async function pageOffers(tx: Executor, orgId: string, limit: number, position?: [string, string]) {
  return tx
    .select()
    .from(loyaltyOffers)
    .where(and(eq(loyaltyOffers.orgId, orgId), after(byCreation(loyaltyOffers), position)))
    .orderBy(...byCreation(loyaltyOffers))
    .limit(limit + 1);
}

/** The offers running at `now`: rule offers first by priority, then recommendation offers. */
export async function runningOffers(tx: Executor, orgId: string, now: Date) {
  return tx
    .select()
    .from(loyaltyOffers)
    .where(
      and(
        eq(loyaltyOffers.orgId, orgId),
        eq(loyaltyOffers.active, true),
        sql`${loyaltyOffers.startsAt} <= ${now.toISOString()}::timestamptz`,
        sql`(${loyaltyOffers.endsAt} is null or ${loyaltyOffers.endsAt} > ${now.toISOString()}::timestamptz)`,
      ),
    )
    .orderBy(
      sql`${loyaltyOffers.source} = 'recommendation'`,
      desc(loyaltyOffers.priority),
      asc(toMilliseconds(loyaltyOffers.createdAt)),
      asc(loyaltyOffers.id),
    );
}

/** The loyalty tier of each customer that has an account, by customer id. */
export async function loyaltyTiersOf(tx: Executor, orgId: string, customerIds: readonly string[]) {
  if (!customerIds.length) return new Map<string, string | null>();
  const rows = await tx
    .select({ customerId: loyaltyAccounts.customerId, tier: loyaltyAccounts.tierCode })
    .from(loyaltyAccounts)
    .where(and(eq(loyaltyAccounts.orgId, orgId), inArray(loyaltyAccounts.customerId, [...customerIds])));
  return new Map(rows.map((r) => [r.customerId, r.tier]));
}

/** The customer's exposures to these offers, by offer id. */
export async function exposuresOf(
  tx: Executor,
  orgId: string,
  customerId: string,
  offerIds: readonly string[],
) {
  if (!offerIds.length) return new Map<string, ExposureRow>();
  const rows = await tx
    .select()
    .from(loyaltyOfferExposures)
    .where(
      and(
        eq(loyaltyOfferExposures.orgId, orgId),
        eq(loyaltyOfferExposures.customerId, customerId),
        inArray(loyaltyOfferExposures.offerId, [...offerIds]),
      ),
    );
  return new Map(rows.map((r) => [r.offerId, r]));
}

export type NewExposure = {
  offerId: string;
  customerId: string;
  arm: OfferArm;
  channel: 'api' | 'email';
  items: string[];
};

/** Records exposures, once per customer and offer: the ones that were new come back. */
export async function insertExposures(tx: Executor, orgId: string, rows: NewExposure[], now: Date) {
  if (!rows.length) return [];
  return tx
    .insert(loyaltyOfferExposures)
    .values(rows.map((r) => ({ ...r, orgId, exposedAt: now, revenueMinor: 0, purchases: 0 })))
    .onConflictDoNothing()
    .returning({ offerId: loyaltyOfferExposures.offerId, customerId: loyaltyOfferExposures.customerId });
}

/** Whether any customer of the organization was ever exposed to an offer. */
export async function hasExposures(tx: Executor, orgId: string) {
  const rows = await tx
    .select({ one: sql<number>`1` })
    .from(loyaltyOfferExposures)
    .where(eq(loyaltyOfferExposures.orgId, orgId))
    .limit(1);
  return rows.length > 0;
}

/** A purchase as conversion tracking reads it. */
export type PurchaseFact = {
  customerId: string;
  eventId: string;
  at: Date;
  minor: number | null;
  skus: string[];
  categories: string[];
};

export type Conversion = {
  offerId: string;
  customerId: string;
  arm: OfferArm;
  convertedAt: Date;
  eventId: string;
  revenueMinor: number;
  /** True when this batch converted the exposure (it had no matching purchase before). */
  first: boolean;
};

/**
 * Adds a batch's purchases to the exposures they fall after, within the offer's conversion window,
 * when they match what the exposure was about (its items or the offer's categories; none named:
 * any purchase). One statement for the whole batch; the exposures it touched come back.
 */
export async function addPurchases(tx: Executor, orgId: string, purchases: PurchaseFact[]) {
  if (!purchases.length) return [];
  const json = JSON.stringify(
    purchases.map((p) => ({
      c: p.customerId,
      e: p.eventId,
      at: p.at.toISOString(),
      minor: p.minor ?? 0,
      skus: p.skus,
      cats: p.categories,
    })),
  );
  const rows = await tx.execute(sql`
    with p as (
      select * from json_to_recordset(${json}::json) as p(c uuid, e text, at timestamptz, minor bigint, skus jsonb, cats jsonb)
    ), m as (
      select x.offer_id, x.customer_id, min(p.at) as first_at,
             (array_agg(p.e order by p.at, p.e))[1] as first_e,
             sum(p.minor) as minor, count(*)::int as n
        from p
        join loyalty_offer_exposures x on x.org_id = ${orgId}::uuid and x.customer_id = p.c
        join loyalty_offers o on o.org_id = x.org_id and o.id = x.offer_id
       where p.at >= x.exposed_at
         and p.at < x.exposed_at + o.conversion_window_days * interval '1 day'
         and ((cardinality(x.items) = 0 and cardinality(o.categories) = 0)
              or p.skus ?| x.items or p.cats ?| o.categories)
       group by x.offer_id, x.customer_id
    )
    update loyalty_offer_exposures x
       set revenue_minor = x.revenue_minor + m.minor,
           purchases = x.purchases + m.n,
           converted_at = coalesce(x.converted_at, m.first_at),
           conversion_event_id = coalesce(x.conversion_event_id, m.first_e)
      from m
     where x.org_id = ${orgId}::uuid and x.offer_id = m.offer_id and x.customer_id = m.customer_id
    returning x.offer_id as "offerId", x.customer_id as "customerId", x.arm, x.converted_at as "convertedAt",
              x.conversion_event_id as "eventId", x.revenue_minor::float8 as "revenueMinor", (x.purchases = m.n) as first`);
  return rowsOf<Conversion>(rows).map((r) => ({ ...r, convertedAt: new Date(r.convertedAt) }));
}

/** Each arm of the offer: customers, conversions, and revenue per customer (mean, unbiased variance). */
export async function armCounts(tx: Executor, orgId: string, offerId: string) {
  const rows = await tx
    .select({
      arm: loyaltyOfferExposures.arm,
      n: sql<number>`count(*)::int`,
      converted: sql<number>`count(${loyaltyOfferExposures.convertedAt})::int`,
      revenueMean: sql<number>`coalesce(avg(${loyaltyOfferExposures.revenueMinor}), 0)::float8`,
      revenueVariance: sql<number>`coalesce(var_samp(${loyaltyOfferExposures.revenueMinor}), 0)::float8`,
      emailed: sql<number>`count(*) filter (where ${loyaltyOfferExposures.channel} = 'email')::int`,
    })
    .from(loyaltyOfferExposures)
    .where(and(eq(loyaltyOfferExposures.orgId, orgId), eq(loyaltyOfferExposures.offerId, offerId)))
    .groupBy(loyaltyOfferExposures.arm);
  return new Map(rows.map((r) => [r.arm, r]));
}

/** The customer's latest exposures with their offers' names: the profile's section. */
export async function customerExposures(tx: Executor, orgId: string, customerId: string, limit: number) {
  return tx
    .select({
      offerId: loyaltyOfferExposures.offerId,
      name: loyaltyOffers.name,
      kind: loyaltyOffers.kind,
      arm: loyaltyOfferExposures.arm,
      channel: loyaltyOfferExposures.channel,
      exposedAt: loyaltyOfferExposures.exposedAt,
      items: loyaltyOfferExposures.items,
      convertedAt: loyaltyOfferExposures.convertedAt,
      revenueMinor: loyaltyOfferExposures.revenueMinor,
    })
    .from(loyaltyOfferExposures)
    .innerJoin(
      loyaltyOffers,
      and(
        eq(loyaltyOffers.orgId, loyaltyOfferExposures.orgId),
        eq(loyaltyOffers.id, loyaltyOfferExposures.offerId),
      ),
    )
    .where(and(eq(loyaltyOfferExposures.orgId, orgId), eq(loyaltyOfferExposures.customerId, customerId)))
    .orderBy(desc(loyaltyOfferExposures.exposedAt), asc(loyaltyOfferExposures.offerId))
    .limit(limit);
}

/** A page of the organization's customer ids (ascending) with these traits, after `afterId`. */
export async function pageCustomerIds(
  tx: Executor,
  orgId: string,
  traits: CustomerTraits,
  limit: number,
  afterId?: string,
) {
  const rows = await tx.execute(sql`
    select c.id from ${customerIdsWith(orgId, traits)} as c(id)
     ${afterId ? sql`where c.id > ${afterId}::uuid` : sql``}
     order by c.id limit ${limit}`);
  return rowsOf<{ id: string }>(rows).map((r) => r.id);
}

/** Which of these customers were exposed to the offer already. */
export async function exposedAmong(
  tx: Executor,
  orgId: string,
  offerId: string,
  customerIds: readonly string[],
) {
  if (!customerIds.length) return [];
  return tx
    .select({ customerId: loyaltyOfferExposures.customerId })
    .from(loyaltyOfferExposures)
    .where(
      and(
        eq(loyaltyOfferExposures.orgId, orgId),
        eq(loyaltyOfferExposures.offerId, offerId),
        inArray(loyaltyOfferExposures.customerId, [...customerIds]),
      ),
    );
}

/**
 * In one statement, what a customer's offers need: the offers running at `now` (in the order of
 * `runningOffers`), the customer's exposure to each (if any), and the customer's loyalty tier.
 */
export async function runningOffersFor(tx: Executor, orgId: string, customerId: string, now: Date) {
  const at = now.toISOString();
  const rows = await tx
    .select({
      offer: loyaltyOffers,
      exposure: loyaltyOfferExposures,
      tier: sql<string | null>`(select a.tier_code from loyalty_accounts a
        where a.org_id = ${orgId}::uuid and a.customer_id = ${customerId}::uuid)`,
    })
    .from(loyaltyOffers)
    .leftJoin(
      loyaltyOfferExposures,
      and(
        eq(loyaltyOfferExposures.orgId, loyaltyOffers.orgId),
        eq(loyaltyOfferExposures.offerId, loyaltyOffers.id),
        eq(loyaltyOfferExposures.customerId, customerId),
      ),
    )
    .where(
      and(
        eq(loyaltyOffers.orgId, orgId),
        eq(loyaltyOffers.active, true),
        sql`${loyaltyOffers.startsAt} <= ${at}::timestamptz`,
        sql`(${loyaltyOffers.endsAt} is null or ${loyaltyOffers.endsAt} > ${at}::timestamptz)`,
      ),
    )
    .orderBy(
      sql`${loyaltyOffers.source} = 'recommendation'`,
      desc(loyaltyOffers.priority),
      asc(toMilliseconds(loyaltyOffers.createdAt)),
      asc(loyaltyOffers.id),
    );
  return {
    offers: rows.map((r) => r.offer),
    exposures: new Map(rows.flatMap((r) => (r.exposure ? [[r.offer.id, r.exposure] as const] : []))),
    tier: rows[0]?.tier ?? null,
  };
}
