import { sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '../../../db/database';

/**
 * Events of one type whose data holds a value under a key, oldest first: each one's id, customer and time.
 * Loyalty perks read their grants from them (type 'perk' whose data.perk is the perk's code).
 */
export async function findTaggedEvents(
  tx: Executor,
  orgId: string,
  o: { type: string; key: string; value: string },
): Promise<{ eventId: string; customerId: string; occurredAt: Date }[]> {
  const rows = rowsOf<{ eventId: string; customerId: string; occurredAt: Date | string }>(
    await tx.execute(sql`
      select id as "eventId", customer_id::text as "customerId", occurred_at as "occurredAt"
        from events
       where org_id = ${orgId}::uuid and type = ${o.type} and data->>${o.key} = ${o.value}
       order by occurred_at, id`),
  );
  return rows.map((r) => ({ ...r, occurredAt: new Date(r.occurredAt) }));
}
