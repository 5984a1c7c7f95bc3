import { sql } from 'drizzle-orm';
import { textArray } from '../../../db/array-literal';
import { type Executor, rowsOf } from '../../../db/database';

/**
 * What each customer spent in [from, to): purchases minus refunds in the base currency (minor units),
 * of the given customers or of everyone who bought or was refunded in it. Loyalty tiers by spend read it.
 */
export async function spendInWindow(
  tx: Executor,
  orgId: string,
  from: Date,
  to: Date,
  customerIds?: readonly string[],
): Promise<Map<string, number>> {
  const only = customerIds ? sql`and customer_id = any(${textArray(customerIds)}::uuid[])` : sql``;
  const rows = rowsOf<{ c: string; spent: string }>(
    await tx.execute(sql`
      select customer_id::text as c,
             (coalesce(sum(amount_base_minor) filter (where type = 'purchase'), 0)
              - coalesce(sum(amount_base_minor) filter (where type = 'refund'), 0))::text as spent
        from events
       where org_id = ${orgId}::uuid and type in ('purchase', 'refund')
         and occurred_at >= ${from}::timestamptz and occurred_at < ${to}::timestamptz ${only}
       group by customer_id`),
  );
  return new Map(rows.map((r) => [r.c, Number(r.spent)]));
}
