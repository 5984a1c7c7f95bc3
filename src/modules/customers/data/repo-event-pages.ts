import { sql } from 'drizzle-orm';
import { textArray } from '../../../db/array-literal';
import { type Executor, rowsOf } from '../../../db/database';

/** A stored event as `event.recorded` carries it: the amount in the base currency. */
export type RecordedEventRow = {
  orgId: string;
  customerId: string;
  eventId: string;
  type: string;
  occurredAt: Date;
  amountMinor: number | null;
  channel: string | null;
  touchpoint: string | null;
  data: Record<string, unknown>;
};

/**
 * A page of the organization's events of these types in time order (occurred at, id) after
 * `position`, at most `limit`: what a module that starts late reads to catch up on the history
 * (the loyalty program's earning of past purchases).
 */
export async function pageEventsInTimeOrder(
  tx: Executor,
  orgId: string,
  types: readonly string[],
  limit: number,
  position?: { occurredAt: Date; id: string },
  from?: Date,
): Promise<RecordedEventRow[]> {
  const rows = rowsOf<{
    id: string;
    customer_id: string;
    type: string;
    occurred_at: string | Date;
    amount: string | null;
    channel: string | null;
    touchpoint: string | null;
    data: Record<string, unknown>;
  }>(
    await tx.execute(sql`
      select id, customer_id, type, occurred_at, coalesce(amount_base_minor, amount_minor) as amount,
             channel, touchpoint, data
        from events
       where org_id = ${orgId}::uuid and type = any(${textArray(types)}::text[])
         ${from ? sql`and occurred_at >= ${from}::timestamptz` : sql``}
         ${position ? sql`and (occurred_at, id) > (${position.occurredAt}::timestamptz, ${position.id})` : sql``}
       order by occurred_at, id
       limit ${limit}`),
  );
  return rows.map((r) => ({
    orgId,
    customerId: r.customer_id,
    eventId: r.id,
    type: r.type,
    occurredAt: new Date(r.occurred_at),
    amountMinor: r.amount === null ? null : Number(r.amount),
    channel: r.channel,
    touchpoint: r.touchpoint,
    data: r.data ?? {},
  }));
}
