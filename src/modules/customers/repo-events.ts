import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '../../db/database';
import { events } from './schema';

export type EventRow = {
  id?: string;
  customerId: string;
  type: string;
  occurredAt: Date;
  amountMinor?: number | null;
  currency?: string | null;
  amountBaseMinor?: number | null;
  channel?: string | null;
  touchpoint?: string | null;
  data?: Record<string, unknown>;
};

export type StoredEvent = Required<EventRow> & { id: string };

/**
 * One multi-row INSERT … ON CONFLICT DO NOTHING: an id already stored (or repeated in the
 * batch) is skipped, so a retried batch stores nothing twice. Returns the rows stored now.
 */
export async function insertEvents(tx: Executor, orgId: string, rows: EventRow[]): Promise<StoredEvent[]> {
  const complete = rows.map((r) => ({
    id: r.id ?? randomUUID(),
    customerId: r.customerId,
    type: r.type,
    occurredAt: r.occurredAt,
    amountMinor: r.amountMinor ?? null,
    currency: r.currency ?? null,
    amountBaseMinor: r.amountBaseMinor ?? null,
    channel: r.channel ?? null,
    touchpoint: r.touchpoint ?? null,
    data: r.data ?? {},
  }));
  // Absent keys read as null: only what a row has is sent.
  const json = JSON.stringify(
    complete.map((r) => ({
      id: r.id,
      customer_id: r.customerId,
      type: r.type,
      occurred_at: r.occurredAt.toISOString(),
      amount_minor: r.amountMinor ?? undefined,
      currency: r.currency ?? undefined,
      amount_base_minor: r.amountBaseMinor ?? undefined,
      channel: r.channel ?? undefined,
      touchpoint: r.touchpoint ?? undefined,
      data: Object.keys(r.data).length ? r.data : undefined,
    })),
  );
  const result = await tx.execute(sql`
    insert into events (org_id, id, customer_id, type, occurred_at, amount_minor, currency, amount_base_minor,
                        channel, touchpoint, data)
    select ${orgId}::uuid, r.id, r.customer_id, r.type, r.occurred_at, r.amount_minor, r.currency,
           r.amount_base_minor, r.channel, r.touchpoint, coalesce(r.data, '{}'::jsonb)
      from json_to_recordset(${json}::json) as r(id text, customer_id uuid, type text, occurred_at timestamptz,
           amount_minor bigint, currency text, amount_base_minor bigint, channel text, touchpoint text, data jsonb)
    on conflict (org_id, id) do nothing
    returning id`);
  const stored = new Set(rowsOf<{ id: string }>(result).map((r) => r.id));
  // A repeated id in one batch stores its first occurrence only.
  return complete.filter((r) => stored.delete(r.id));
}

/** Every event of a customer, oldest first (the GDPR export). */
export async function listCustomerEvents(tx: Executor, orgId: string, customerId: string) {
  return tx
    .select({
      id: events.id,
      type: events.type,
      occurredAt: events.occurredAt,
      amountMinor: events.amountMinor,
      currency: events.currency,
      amountBaseMinor: events.amountBaseMinor,
      channel: events.channel,
      touchpoint: events.touchpoint,
      data: events.data,
    })
    .from(events)
    .where(and(eq(events.orgId, orgId), eq(events.customerId, customerId)))
    .orderBy(asc(events.occurredAt), asc(events.id));
}

export type TimelineCursor = { at: string; kind: string; id: string };

/** Events and stage changes of a customer, newest first, keyset-paged on (time, kind, id). */
export async function listTimeline(
  tx: Executor,
  orgId: string,
  customerId: string,
  limit: number,
  before?: TimelineCursor,
) {
  const after = before
    ? sql`where (t.at, t.kind, t.id) < (${before.at}::timestamptz, ${before.kind}, ${before.id})`
    : sql``;
  const result = await tx.execute(sql`
    select t.*, to_char(t.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "atKey" from (
      select 'event' as kind, e.occurred_at as at, e.id, e.type, null::text as "fromStage",
             e.amount_minor as "amountMinor", e.currency::text, e.channel, e.touchpoint, e.data
        from events e where e.org_id = ${orgId}::uuid and e.customer_id = ${customerId}::uuid
      union all
      select 'stage_change', s.changed_at, s.id::text, s.to_stage, s.from_stage, null, null, null, null, null
        from stage_changes s where s.org_id = ${orgId}::uuid and s.customer_id = ${customerId}::uuid
    ) t ${after}
    order by t.at desc, t.kind desc, t.id desc
    limit ${limit + 1}`);
  return rowsOf<{
    kind: 'event' | 'stage_change';
    at: Date | string;
    id: string;
    type: string;
    fromStage: string | null;
    amountMinor: number | null;
    currency: string | null;
    channel: string | null;
    touchpoint: string | null;
    data: Record<string, unknown> | null;
    atKey: string;
  }>(result).map((r) => ({
    ...r,
    at: new Date(r.at),
    amountMinor: r.amountMinor === null ? null : Number(r.amountMinor),
  }));
}
