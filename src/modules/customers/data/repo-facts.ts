import { sql } from 'drizzle-orm';
import type { Executor } from '../../../db/database';

/**
 * Per-customer aggregates of all the organization's events that RFM reads: purchases, the last
 * purchase, and purchases minus refunds in the base currency.
 */
const factsSelect = (orgId: string) => sql`
  select e.customer_id,
         count(*) filter (where e.type = 'purchase') as purchases,
         max(e.occurred_at) filter (where e.type = 'purchase') as last_purchase_at,
         coalesce(sum(e.amount_base_minor) filter (where e.type = 'purchase'), 0)
           - coalesce(sum(abs(e.amount_base_minor)) filter (where e.type = 'refund'), 0) as monetary
    from events e
   where e.org_id = ${orgId}::uuid
   group by e.customer_id`;

/**
 * The facts of every customer of the organization, in one pass over its events, kept in a
 * temporary table `customer_facts` until the transaction ends.
 */
export async function buildFactsTable(tx: Executor, orgId: string) {
  await allowLargeAggregates(tx);
  await tx.execute(sql`drop table if exists customer_facts`);
  await tx.execute(sql`create temporary table customer_facts on commit drop as ${factsSelect(orgId)}`);
  await tx.execute(sql`analyze customer_facts`);
}

/**
 * A whole organization is aggregated in one pass: with the default 4 MB of work memory the
 * planner walks millions of events through an index in customer order (random reads) rather
 * than hashing them; this transaction may use more.
 */
export async function allowLargeAggregates(tx: Executor) {
  await tx.execute(sql`select set_config('work_mem', '256MB', true)`);
}
