import { and, eq, isNull, sql } from 'drizzle-orm';
import { textArray } from '../../../db/array-literal';
import { type Executor, rowsOf } from '../../../db/database';
import type { CustomerInput } from '../http/schemas';
import { customerRfm, customers } from './tables';

export const customerColumns = {
  id: customers.id,
  externalId: customers.externalId,
  email: customers.email,
  phone: customers.phone,
  name: customers.name,
  locale: customers.locale,
  attributes: customers.attributes,
  consent: customers.consent,
  ownerId: customers.ownerId,
  lifecycleStage: customers.lifecycleStage,
  stageChangedAt: customers.stageChangedAt,
  since: customers.since,
  serviceTier: customers.serviceTier,
  segment: customerRfm.segment,
  createdAt: customers.createdAt,
  updatedAt: customers.updatedAt,
};

export type CustomerRow = {
  id: string;
  externalId: string;
  email: string | null;
  phone: string | null;
  name: string | null;
  locale: string | null;
  attributes: Record<string, unknown>;
  consent: Record<string, boolean>;
  ownerId: string | null;
  lifecycleStage: string;
  stageChangedAt: Date | null;
  since: Date;
  serviceTier: string | null;
  segment: string | null;
  createdAt: Date;
  updatedAt: Date;
};

export const joinRfm = and(eq(customerRfm.orgId, customers.orgId), eq(customerRfm.customerId, customers.id));

// Lock order. Every transaction that writes several customers' rows (or rows that hang on
// them: stats, cases) takes the customers first, in one global order: organization, then
// external id compared bytewise (the column's collation, "C"). Two batches naming the same
// customers in different orders then queue behind each other instead of deadlocking. An
// insert or upsert follows the order of its SELECT, so it sorts there; an UPDATE follows its
// plan, so the rows it will change are locked first by a sorted SELECT … FOR NO KEY UPDATE
// (the mode an UPDATE of non-key columns takes: foreign-key checks of new events still pass).

/** A claimed customer: its stage before, and its first contact when its row tells it (since, unless the source dated it). */
type Claimed = { id: string; stage: string; created: boolean; firstContact: Date | null };

/**
 * The customers of these external ids, each created (stage `potential`) when unknown, and
 * every one locked for this transaction in the global order. Known customers' stages are the
 * ones they have under the lock, which nobody else can change before this transaction ends.
 */
export async function claimCustomers(
  tx: Executor,
  orgId: string,
  externalIds: readonly string[],
  now: Date,
): Promise<Map<string, Claimed>> {
  const out = new Map<string, Claimed>();
  if (!externalIds.length) return out;
  // One pass in the global order: `probe` locks each known customer as it comes (the newest
  // version of its row, should a concurrent batch have changed it), and `created` inserts each
  // missing one as it comes, reading `probe` row by row. A customer another batch created
  // meanwhile meets the insert's conflict arm, which locks it in its turn too.
  const result = await tx.execute(sql`
    with probe as materialized (
      select w.x, k.id, k.lifecycle_stage, k.first_contact
        from (select x from unnest(${textArray(externalIds)}::text[]) as u(x)
               order by x collate "C" offset 0) w
        left join lateral (
          select c.id, c.lifecycle_stage,
                 case when c.created_in_source_at is null and c.lifecycle_stage <> 'potential' then c.since end as first_contact
            from customers c
           where c.org_id = ${orgId}::uuid and c.external_id = w.x
             for no key update of c
        ) k on true
    ),
    created as (
      insert into customers as c (org_id, external_id, created_at, updated_at)
      select ${orgId}::uuid, p.x, ${now}::timestamptz, ${now}::timestamptz from probe p where p.id is null
      on conflict (org_id, external_id) do update set updated_at = c.updated_at where false
      returning c.id, c.external_id
    )
    select id::text, external_id as "externalId", 'potential' as stage, true as created, null::timestamptz as "firstContact" from created
    union all
    select id::text, x, lifecycle_stage, false, first_contact from probe where id is not null`);
  for (const r of rowsOf<
    { externalId: string; firstContact: string | Date | null } & Omit<Claimed, 'firstContact'>
  >(result)) {
    const firstContact = r.firstContact === null ? null : new Date(r.firstContact);
    out.set(r.externalId, { id: r.id, stage: r.stage, created: r.created, firstContact });
  }
  if (out.size === externalIds.length) return out;
  // Created by a concurrent batch after this statement began (locked above by the conflict arm).
  const rest = externalIds.filter((x) => !out.has(x));
  const late = await tx.execute(sql`
    select id::text, external_id as "externalId", lifecycle_stage as stage from customers
     where org_id = ${orgId}::uuid and external_id = any(${textArray(rest)}::text[])`);
  for (const r of rowsOf<{ id: string; externalId: string; stage: string }>(late)) {
    out.set(r.externalId, { id: r.id, stage: r.stage, created: false, firstContact: null });
  }
  return out;
}

/** Locks these customers' rows for this transaction, in the global order (an unknown id is passed over). */
export async function lockCustomers(tx: Executor, orgId: string, customerIds: readonly string[]) {
  if (!customerIds.length) return;
  await tx.execute(sql`
    select 1 from customers
     where org_id = ${orgId}::uuid and id = any(${textArray([...new Set(customerIds)])}::uuid[])
     order by external_id
       for no key update`);
}

/**
 * Upserts by external id in one statement, in the global lock order. Fields a row leaves out
 * keep their stored value; attributes and consent are merged key by key.
 */
export async function upsertCustomers(tx: Executor, orgId: string, rows: CustomerInput[], now: Date) {
  const json = JSON.stringify(
    rows.map((r) => ({
      external_id: r.externalId,
      email: r.email ?? null,
      phone: r.phone ?? null,
      name: r.name ?? null,
      locale: r.locale ?? null,
      attributes: r.attributes ?? {},
      consent: r.consent ?? {},
      created_in_source_at: r.createdAt ?? null,
    })),
  );
  const result = await tx.execute(sql`
    insert into customers as c (org_id, external_id, email, phone, name, locale, attributes, consent,
                                created_in_source_at, since, created_at, updated_at)
    select ${orgId}::uuid, r.external_id, r.email, r.phone, r.name, r.locale, r.attributes, r.consent,
           r.created_in_source_at, coalesce(r.created_in_source_at, ${now}::timestamptz), ${now}::timestamptz, ${now}::timestamptz
      from json_to_recordset(${json}::json)
        as r(external_id text, email text, phone text, name text, locale text, attributes jsonb, consent jsonb,
             created_in_source_at timestamptz)
     order by r.external_id collate "C"
    on conflict (org_id, external_id) do update set
      email = coalesce(excluded.email, c.email),
      phone = coalesce(excluded.phone, c.phone),
      name = coalesce(excluded.name, c.name),
      locale = coalesce(excluded.locale, c.locale),
      attributes = c.attributes || excluded.attributes,
      consent = c.consent || excluded.consent,
      created_in_source_at = coalesce(excluded.created_in_source_at, c.created_in_source_at),
      -- an earlier creation in the source moves "since" back; a later one counts from the next rewrite
      since = least(c.since, excluded.created_in_source_at),
      updated_at = excluded.updated_at
    returning c.id, c.external_id as "externalId", (c.xmax = 0) as created`);
  return rowsOf<{ id: string; externalId: string; created: boolean }>(result);
}

export async function findCustomerRow(tx: Executor, orgId: string, externalId: string) {
  const [row] = await tx
    .select(customerColumns)
    .from(customers)
    .leftJoin(customerRfm, joinRfm)
    .where(and(eq(customers.orgId, orgId), eq(customers.externalId, externalId), isNull(customers.erasedAt)));
  return row as CustomerRow | undefined;
}

export type CustomerPatch = Partial<{
  email: string | null;
  phone: string | null;
  name: string | null;
  locale: string | null;
  ownerId: string | null;
  attributes: Record<string, unknown>;
  consent: Record<string, boolean>;
}>;

/** Changes the given fields; attributes and consent merge, a null attribute removes its key. */
export async function updateCustomer(
  tx: Executor,
  orgId: string,
  customerId: string,
  patch: CustomerPatch,
  now: Date,
) {
  const { attributes, consent, ...fields } = patch;
  const set: Record<string, unknown> = { ...fields, updatedAt: now };
  if (attributes) {
    const removed = Object.keys(attributes).filter((k) => attributes[k] === null);
    const kept = Object.fromEntries(Object.entries(attributes).filter(([, v]) => v !== null));
    set.attributes = sql`(${customers.attributes} - array(select json_array_elements_text(${JSON.stringify(removed)}::json))) || ${JSON.stringify(kept)}::jsonb`;
  }
  if (consent) set.consent = sql`${customers.consent} || ${JSON.stringify(consent)}::jsonb`;
  await tx
    .update(customers)
    .set(set)
    .where(and(eq(customers.orgId, orgId), eq(customers.id, customerId)));
}

/** The customer's RFM scores; recency is counted in days from the last purchase to `now` in the time zone. */
export async function findRfm(tx: Executor, orgId: string, customerId: string, now: Date, timeZone: string) {
  const [row] = await tx
    .select({
      recencyDays: sql<number>`((${now}::timestamptz at time zone ${timeZone})::date - ${customerRfm.lastPurchaseOn})::int`,
      lastPurchaseOn: customerRfm.lastPurchaseOn,
      frequency: customerRfm.frequency,
      monetaryMinor: customerRfm.monetaryMinor,
      r: customerRfm.r,
      f: customerRfm.f,
      m: customerRfm.m,
      segment: customerRfm.segment,
      changedAt: customerRfm.changedAt,
    })
    .from(customerRfm)
    .where(and(eq(customerRfm.orgId, orgId), eq(customerRfm.customerId, customerId)));
  return row;
}

/** Organizations that have customers: the scheduled recompute visits each. */
export async function listOrgsWithCustomers(tx: Executor): Promise<string[]> {
  const result = await tx.execute(sql`select distinct org_id from customers`);
  return rowsOf<{ org_id: string }>(result).map((r) => r.org_id);
}
