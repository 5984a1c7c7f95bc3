// Bulk reads and writes for analytics modules (customer value): one streaming pass over an
// organization's events, and set-based updates of many customers at once.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { fetchInBatches } from '../../../db/cursor';
import { type Executor, rowsOf } from '../../../db/database';
import { customers } from './tables';

/** Purchases as columns; `day` is the calendar day in the organization's time zone (days since 1970-01-01). */
export type PurchaseBatch = { customerIds: string[]; days: Int32Array; amountsMinor: Float64Array };

/**
 * Every purchase before `before`, in batches: customer, local calendar day and amount in the
 * base currency (a purchase without an amount counts as 0).
 */
export async function* readPurchaseBatches(
  tx: Executor,
  orgId: string,
  o: { timeZone: string; before: Date; batchSize?: number },
): AsyncGenerator<PurchaseBatch> {
  const query = sql`
    select customer_id::text as c,
           ((occurred_at at time zone ${o.timeZone})::date - date '1970-01-01')::int as d,
           coalesce(amount_base_minor, 0)::float8 as a
      from events
     where org_id = ${orgId}::uuid and type = 'purchase' and occurred_at < ${o.before}::timestamptz`;
  for await (const rows of fetchInBatches<{ c: string; d: number; a: number }>(tx, query, o.batchSize)) {
    const n = rows.length;
    const batch: PurchaseBatch = {
      customerIds: new Array<string>(n),
      days: new Int32Array(n),
      amountsMinor: new Float64Array(n),
    };
    for (let i = 0; i < n; i++) {
      const r = rows[i];
      batch.customerIds[i] = r.c;
      batch.days[i] = r.d;
      batch.amountsMinor[i] = Number(r.a);
    }
    yield batch;
  }
}

export type ServiceEventTotals = { customerId: string; contacts: number; refundsMinor: number };

/** Per customer with contacts or refunds: contacts in [from, before) and refunds (base currency) before `before`. */
export async function* readServiceEventTotals(
  tx: Executor,
  orgId: string,
  o: { from: Date; before: Date; batchSize?: number },
): AsyncGenerator<ServiceEventTotals[]> {
  const query = sql`
    select customer_id::text as "customerId",
           (count(*) filter (where type = 'contact' and occurred_at >= ${o.from}::timestamptz))::int as contacts,
           coalesce(sum(amount_base_minor) filter (where type = 'refund'), 0)::float8 as "refundsMinor"
      from events
     where org_id = ${orgId}::uuid and type in ('contact', 'refund') and occurred_at < ${o.before}::timestamptz
     group by customer_id`;
  for await (const rows of fetchInBatches<ServiceEventTotals>(tx, query, o.batchSize)) {
    yield rows.map((r) => ({ ...r, refundsMinor: Number(r.refundsMinor) }));
  }
}

const TIER_CHUNK = 20_000;

/** Sets `service_tier` of many customers in a few statements; returns how many rows changed. */
export async function updateServiceTiers(
  tx: Executor,
  orgId: string,
  tiers: { customerId: string; tier: string | null }[],
  now: Date,
): Promise<number> {
  let updated = 0;
  for (let start = 0; start < tiers.length; start += TIER_CHUNK) {
    const json = JSON.stringify(
      tiers.slice(start, start + TIER_CHUNK).map((t) => ({ id: t.customerId, tier: t.tier })),
    );
    // The rows to change are locked first in the global order (see repo-customers.ts).
    const result = await tx.execute(sql`
      with locked as materialized (
        select c.id, r.tier from json_to_recordset(${json}::json) as r(id uuid, tier text)
          join customers c on c.org_id = ${orgId}::uuid and c.id = r.id
         where c.service_tier is distinct from r.tier
         order by c.external_id
           for no key update of c
      ),
      changed as (
        update customers c set service_tier = l.tier, updated_at = ${now}::timestamptz
          from locked l
         where c.org_id = ${orgId}::uuid and c.id = l.id and c.service_tier is distinct from l.tier
        returning 1
      )
      select count(*)::int as n from changed`);
    updated += Number(rowsOf<{ n: number }>(result)[0]?.n ?? 0);
  }
  return updated;
}

/** External ids of some customers of the organization (a page of a list). */
export async function mapExternalIds(
  tx: Executor,
  orgId: string,
  ids: string[],
): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await tx
    .select({ id: customers.id, externalId: customers.externalId })
    .from(customers)
    .where(and(eq(customers.orgId, orgId), inArray(customers.id, ids)));
  return new Map(rows.map((r) => [r.id, r.externalId]));
}

/** Organizations with at least one purchase (the scheduled refit visits them); crosses organizations. */
export async function listOrgsWithPurchases(tx: Executor): Promise<string[]> {
  const result = await tx.execute(sql`
    select o.id from orgs o
     where exists (select 1 from events e where e.org_id = o.id and e.type = 'purchase')`);
  return rowsOf<{ id: string }>(result).map((r) => r.id);
}
