/**
 * Purchases' items as baskets of item codes: an item is named by its `sku`, else its `name`, else
 * its `category` (trimmed, at most 200 characters); lines naming none of them are left out.
 */
import { type SQL, sql } from 'drizzle-orm';
import { fetchInBatches } from '../../../db/cursor';
import { type Executor, rowsOf } from '../../../db/database';

/** One purchase's basket: its item codes in line order and the shop's name of each ('' when none). */
export type PurchaseBasket = { codes: string[]; names: string[] };

const items = (event: SQL) => sql`
  (select coalesce(array_agg(l.code order by l.n), '{}') as codes,
          coalesce(array_agg(l.name order by l.n), '{}') as names
     from (select left(coalesce(nullif(btrim(i->>'sku'), ''), nullif(btrim(i->>'name'), ''),
                                nullif(btrim(i->>'category'), '')), 200) as code,
                  left(coalesce(nullif(btrim(i->>'name'), ''), nullif(btrim(i->>'category'), ''), ''), 200) as name,
                  n
             from jsonb_array_elements(case jsonb_typeof(${event}.data->'items')
                                         when 'array' then ${event}.data->'items' else '[]'::jsonb end)
                  with ordinality as x(i, n)
            where jsonb_typeof(i) = 'object') l
    where l.code is not null)`;

/**
 * Every purchase with items in [since, before), streamed through a cursor in batches (the caller
 * keeps what it needs of each batch, so memory stays flat however many purchases there are).
 */
export async function* readPurchaseBaskets(
  tx: Executor,
  orgId: string,
  o: { since: Date; before: Date; batchSize?: number },
): AsyncGenerator<PurchaseBasket[]> {
  const query = sql`
    select b.codes, b.names
      from events e
      cross join lateral ${items(sql.raw('e'))} b
     where e.org_id = ${orgId}::uuid and e.type = 'purchase'
       and e.occurred_at >= ${o.since}::timestamptz and e.occurred_at < ${o.before}::timestamptz
       and jsonb_typeof(e.data->'items') = 'array'`;
  for await (const rows of fetchInBatches<PurchaseBasket>(tx, query, o.batchSize ?? 5000)) {
    yield rows.filter((r) => r.codes.length > 0);
  }
}

/** A customer's latest purchases with items (newest first), with their amounts in the base currency. */
export async function latestCustomerBaskets(
  tx: Executor,
  orgId: string,
  customerId: string,
  o: { since: Date; limit: number },
): Promise<(PurchaseBasket & { occurredAt: Date; amountMinor: number })[]> {
  const result = await tx.execute(sql`
    select b.codes, b.names, e.occurred_at as "occurredAt", coalesce(e.amount_base_minor, 0)::float8 as "amountMinor"
      from events e
      cross join lateral ${items(sql.raw('e'))} b
     where e.org_id = ${orgId}::uuid and e.customer_id = ${customerId}::uuid and e.type = 'purchase'
       and e.occurred_at >= ${o.since}::timestamptz
     order by e.occurred_at desc
     limit ${o.limit}`);
  return rowsOf<PurchaseBasket & { occurredAt: Date | string; amountMinor: number }>(result).map((r) => ({
    codes: r.codes,
    names: r.names,
    occurredAt: new Date(r.occurredAt),
    amountMinor: Number(r.amountMinor),
  }));
}
