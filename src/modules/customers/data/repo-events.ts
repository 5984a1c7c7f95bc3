import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import { numberArray, textArray } from '../../../db/array-literal';
import { type Executor, rowsOf } from '../../../db/database';
import { claimCustomers, lockCustomers } from './repo-customers';
import { events } from './tables';

/** An event of a known customer (`customerId`) or of one named by external id, created when new. */
export type EventRow = {
  id?: string;
  customerId?: string;
  customerExternalId?: string;
  type: string;
  occurredAt: Date;
  amountMinor?: number | null;
  currency?: string | null;
  amountBaseMinor?: number | null;
  channel?: string | null;
  touchpoint?: string | null;
  data?: Record<string, unknown>;
};

export type StoredEvent = {
  id: string;
  customerId: string;
  type: string;
  occurredAt: Date;
  amountMinor: number | null;
  currency: string | null;
  amountBaseMinor: number | null;
  channel: string | null;
  touchpoint: string | null;
  data: Record<string, unknown>;
};

/**
 * An event stored now, with the stage its customer had before the batch (`potential` when created
 * now; null when the customer was named by id, its stage not read).
 */
export type ArrivedEvent = StoredEvent & { stageBefore: string | null; firstContactBefore: Date | null };

/**
 * Stores a batch: its customers are locked (those named by an unknown external id created), then
 * the events go in; an id already stored (or repeated in the batch) is skipped, so a retried
 * batch stores nothing twice. Returns the events stored now, with their customers' stages
 * before, and the customers created.
 *
 * With `idsAreNew` the conflict check (a tenth of a batch's time) is left out: a stored id then
 * fails the statement as a unique violation of events_pkey, and ingestEvents runs it again.
 */
export async function insertEvents(
  tx: Executor,
  orgId: string,
  rows: EventRow[],
  now: Date,
  { idsAreNew = false } = {},
) {
  const ids = rows.map((r) => r.id ?? randomUUID());
  const wanted = new Set<string>();
  const named = new Set<string>();
  for (const r of rows) {
    if (r.customerId) named.add(r.customerId);
    else wanted.add(r.customerExternalId as string);
  }
  // Every customer of the batch is locked before anything else is written (see repo-customers.ts):
  // stats, stages and cases of these customers follow without waiting on another batch.
  const customers = await claimCustomers(tx, orgId, [...wanted], now);
  await lockCustomers(tx, orgId, [...named]);
  const customerIds = rows.map(
    (r) => r.customerId ?? (customers.get(r.customerExternalId as string)?.id as string),
  );
  const c = eventColumns(rows, ids, customerIds);
  const result = await tx.execute(sql`
    insert into events (org_id, id, customer_id, type, occurred_at, amount_minor, currency, amount_base_minor,
                        channel, touchpoint, data)
    select ${orgId}::uuid, i, c, t, to_timestamp(o / 1000.0), a, u, b, h, p, coalesce(d, '{}'::jsonb)
      from unnest(${c.id}::text[], ${c.customerId}::uuid[], ${c.type}::text[], ${c.occurredAtMs}::bigint[],
                  ${c.amountMinor}::bigint[], ${c.currency}::text[], ${c.amountBaseMinor}::bigint[],
                  ${c.channel}::text[], ${c.touchpoint}::text[], ${c.data}::jsonb[])
        as r(i, c, t, o, a, u, b, h, p, d)
    ${idsAreNew ? sql`` : sql`on conflict (org_id, id) do nothing returning id`}`);
  // Without the conflict check every row was stored; otherwise the stored ones are named.
  const storedIds = idsAreNew ? undefined : new Set(rowsOf<{ id: string }>(result).map((r) => r.id));
  const stored: ArrivedEvent[] = [];
  rows.forEach((r, i) => {
    if (storedIds) {
      if (!storedIds.has(ids[i])) return;
      storedIds.delete(ids[i]); // a repeated id in one batch stores its first occurrence only
    }
    const claimed = r.customerId ? undefined : customers.get(r.customerExternalId as string);
    stored.push({
      id: ids[i],
      customerId: customerIds[i],
      // Named by id (another module's event), the customer's stage was not read: decide it.
      stageBefore: claimed?.stage ?? null,
      firstContactBefore: claimed?.firstContact ?? null,
      type: r.type,
      occurredAt: r.occurredAt,
      amountMinor: r.amountMinor ?? null,
      currency: r.currency ?? null,
      amountBaseMinor: r.amountBaseMinor ?? null,
      channel: r.channel ?? null,
      touchpoint: r.touchpoint ?? null,
      data: r.data ?? {},
    });
  });
  const created = [...customers]
    .filter(([, c]) => c.created)
    .map(([externalId, c]) => ({ id: c.id, externalId }));
  return { stored, created };
}

/** The batch as one array per column (see array-literal.ts), a column with no value at all sent as NULL (unnest pads it). */
function eventColumns(rows: EventRow[], ids: string[], customerIds: string[]) {
  const n = rows.length;
  const type = new Array<string>(n);
  // Milliseconds since the epoch: cheaper to write and to read than ISO text, and as exact.
  const occurredAtMs = new Array<number>(n);
  const amountMinor = new Array<number | null | undefined>(n);
  const currency = new Array<string | null | undefined>(n);
  const amountBaseMinor = new Array<number | null | undefined>(n);
  const channel = new Array<string | null | undefined>(n);
  const touchpoint = new Array<string | null | undefined>(n);
  const data = new Array<string | undefined>(n);
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    type[i] = r.type;
    occurredAtMs[i] = r.occurredAt.getTime();
    amountMinor[i] = r.amountMinor;
    currency[i] = r.currency;
    amountBaseMinor[i] = r.amountBaseMinor;
    channel[i] = r.channel;
    touchpoint[i] = r.touchpoint;
    data[i] = r.data && Object.keys(r.data).length ? JSON.stringify(r.data) : undefined;
  }
  const text = (values: (string | null | undefined)[]) => (values.some(isPresent) ? textArray(values) : null);
  const numbers = (values: (number | null | undefined)[]) =>
    values.some(isPresent) ? numberArray(values) : null;
  return {
    id: textArray(ids),
    customerId: textArray(customerIds),
    type: textArray(type),
    occurredAtMs: numberArray(occurredAtMs),
    amountMinor: numbers(amountMinor),
    currency: text(currency),
    amountBaseMinor: numbers(amountBaseMinor),
    channel: text(channel),
    touchpoint: text(touchpoint),
    data: text(data),
  };
}

const isPresent = <T>(v: T | null | undefined): v is T => v !== null && v !== undefined;

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
      select 'stage_change', s.changed_at, '', s.to_stage, s.from_stage, null, null, null, null, null
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
