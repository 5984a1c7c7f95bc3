import { sql } from 'drizzle-orm';
import { numberArray, textArray } from '../../../db/array-literal';
import { type Executor, rowsOf } from '../../../db/database';
import type { StageMove, StageSignal } from '../domain/stage-timeline';
import type { Stage } from '../domain/stages';

/** What deciding a customer's stage history reads: its events' signals, its stored state and history. */
export type StageFacts = {
  customerId: string;
  externalId: string;
  stage: Stage;
  stageChangedAt: number | null;
  since: number;
  createdInSourceAt: number | null;
  createdAt: number;
  reviewAt: number | null;
  signals: StageSignal[];
  alive: { probability: number; at: number; day: number } | null;
  /** The stored history; null when not read. */
  history: StageMove[] | null;
};

/** The calendar day of `instant` in zone `tz`, as days since 1970-01-01. */
const dayOf = (instant: ReturnType<typeof sql>, tz: string) =>
  sql`((${instant} at time zone ${tz})::date - date '1970-01-01')`;
const msOf = (instant: ReturnType<typeof sql>) => sql`floor(extract(epoch from ${instant}) * 1000)::int8`;

/** The customers to read: these ids, or every id from `first` to `last` (a page of a whole organization). */
export type StageScope = { ids: readonly string[] } | { first: string; last: string };

const inScope = (column: ReturnType<typeof sql>, scope: StageScope) =>
  'ids' in scope
    ? sql`${column} = any(${textArray(scope.ids)}::uuid[])`
    : sql`${column} between ${scope.first}::uuid and ${scope.last}::uuid`;

/**
 * The facts of these customers (an id not found is left out). Purchases, referrals and the first
 * event come from the per-customer index alone; survey answers, which carry their NPS in `data`,
 * are read apart through their own index. Signals travel as one string per customer:
 * `kind ms day[ nps]` joined by `,`.
 */
export async function loadStageFacts(
  tx: Executor,
  orgId: string,
  scope: StageScope,
  timeZone: string,
  { withHistory = true } = {},
): Promise<Map<string, StageFacts>> {
  const out = new Map<string, StageFacts>();
  if ('ids' in scope && !scope.ids.length) return out;
  const e = sql`e.occurred_at`;
  const [customers, events, answers, history] = [
    await tx.execute(sql`
      select c.id::text, c.external_id, c.lifecycle_stage, ${msOf(sql`c.stage_changed_at`)} as changed,
             ${msOf(sql`c.since`)} as since, ${msOf(sql`c.created_in_source_at`)} as source,
             ${msOf(sql`c.created_at`)} as created, ${msOf(sql`case when isfinite(c.stage_review_at) then c.stage_review_at end`)} as review,
             s.alive_probability, ${msOf(sql`s.alive_probability_at`)} as alive_at,
             ${dayOf(sql`s.alive_probability_at`, timeZone)} as alive_day
        from customers c
        left join customer_stats s on s.org_id = c.org_id and s.customer_id = c.id
       where c.org_id = ${orgId}::uuid and ${inScope(sql`c.id`, scope)}`),
    await tx.execute(sql`
      select e.customer_id::text as id,
             string_agg(case e.type when 'purchase' then 'p' else 'r' end || ' ' || ${msOf(e)} || ' ' || ${dayOf(e, timeZone)}, ',')
               filter (where e.type in ('purchase', 'referral')) as signals,
             ${msOf(sql`min(e.occurred_at)`)} as first_ms, ${dayOf(sql`min(e.occurred_at)`, timeZone)} as first_day
        from events e
       where e.org_id = ${orgId}::uuid and ${inScope(sql`e.customer_id`, scope)}
       group by e.customer_id`),
    await tx.execute(sql`
      select e.customer_id::text as id,
             string_agg('a ' || ${msOf(e)} || ' ' || ${dayOf(e, timeZone)}
                        || case when jsonb_typeof(e.data->'nps') = 'number' then ' ' || (e.data->>'nps') else '' end, ',') as signals
        from events e
       where e.org_id = ${orgId}::uuid and ${inScope(sql`e.customer_id`, scope)} and e.type = 'survey_response'
       group by e.customer_id`),
    withHistory
      ? await tx.execute(sql`
          select customer_id::text as id, from_stage, to_stage, ${msOf(sql`changed_at`)} as at
            from stage_changes
           where org_id = ${orgId}::uuid and ${inScope(sql`customer_id`, scope)}
           order by customer_id, changed_at`)
      : null,
  ];
  for (const r of rowsOf<CustomerRow>(customers)) {
    out.set(r.id, {
      customerId: r.id,
      externalId: r.external_id,
      stage: r.lifecycle_stage as Stage,
      stageChangedAt: msOrNull(r.changed),
      since: Number(r.since),
      createdInSourceAt: msOrNull(r.source),
      createdAt: Number(r.created),
      reviewAt: msOrNull(r.review),
      signals: [],
      alive:
        r.alive_probability === null || r.alive_at === null
          ? null
          : { probability: Number(r.alive_probability), at: Number(r.alive_at), day: Number(r.alive_day) },
      history: withHistory ? [] : null,
    });
  }
  for (const r of rowsOf<{ id: string; signals: string | null; first_ms: string; first_day: number }>(
    events,
  )) {
    const facts = out.get(r.id);
    if (!facts) continue;
    facts.signals.push({ at: Number(r.first_ms), day: Number(r.first_day), kind: 'contact' });
    if (r.signals) readSignals(r.signals, facts.signals);
  }
  for (const r of rowsOf<{ id: string; signals: string }>(answers)) {
    const facts = out.get(r.id);
    if (facts) readSignals(r.signals, facts.signals);
  }
  for (const r of history
    ? rowsOf<{ id: string; from_stage: string; to_stage: string; at: string }>(history)
    : []) {
    out.get(r.id)?.history?.push({ at: Number(r.at), from: r.from_stage as Stage, to: r.to_stage as Stage });
  }
  return out;
}

type CustomerRow = {
  id: string;
  external_id: string;
  lifecycle_stage: string;
  changed: string | null;
  since: string;
  source: string | null;
  created: string;
  review: string | null;
  alive_probability: number | null;
  alive_at: string | null;
  alive_day: number | null;
};

const msOrNull = (v: string | number | null) => (v === null ? null : Number(v));

const KINDS = { p: 'purchase', r: 'referral', a: 'response' } as const;

function readSignals(encoded: string, into: StageSignal[]) {
  for (const item of encoded.split(',')) {
    const [kind, ms, day, nps] = item.split(' ');
    into.push({
      kind: KINDS[kind as keyof typeof KINDS],
      at: Number(ms),
      day: Number(day),
      nps: nps === undefined ? null : Number(nps),
    });
  }
}

/** A customer's decided state: its whole history, stage, when it became a customer and its next review. */
export type DecidedStages = {
  customerId: string;
  /**
   * How the stored history becomes the decided one (null: it is that already): the stored moves
   * from `dropFrom` on go (none when null), and `added` follow the ones kept.
   */
  history: { dropFrom: number | null; added: StageMove[] } | null;
  stage: Stage;
  stageChangedAt: number | null;
  since: number;
  reviewAt: number | null;
};

/** Instants travel as epoch milliseconds: a third of the server's work of parsing ISO text. */
const instant = (column: ReturnType<typeof sql>) => sql`to_timestamp(${column} / 1000.0)`;

/**
 * Stores decided states: each history's changed tail is replaced (a late event rewrites from its
 * point on, a new one mostly adds a move), and each customer's stage, `stage_changed_at`, `since`
 * and `stage_review_at`. The rows must be locked by the caller.
 */
export async function saveDecidedStages(tx: Executor, orgId: string, decided: readonly DecidedStages[]) {
  if (!decided.length) return;
  const dropped = decided.filter((d) => d.history?.dropFrom != null);
  if (dropped.length) {
    await tx.execute(sql`
      delete from stage_changes s
       using unnest(${textArray(dropped.map((d) => d.customerId))}::uuid[],
                    ${numberArray(dropped.map((d) => d.history?.dropFrom))}::int8[]) as d(c, a)
       where s.org_id = ${orgId}::uuid and s.customer_id = d.c and s.changed_at >= ${instant(sql`d.a`)}`);
  }
  // The new moves and the customers' states in one statement: the server writes a page while the
  // next one is decided.
  const moves = decided.flatMap((d) => (d.history?.added ?? []).map((m) => ({ id: d.customerId, ...m })));
  await tx.execute(sql`
    with moved as (
      insert into stage_changes (org_id, customer_id, from_stage, to_stage, changed_at)
      select ${orgId}::uuid, m.c, m.f, m.t, ${instant(sql`m.a`)}
        from unnest(${textArray(moves.map((m) => m.id))}::uuid[], ${textArray(moves.map((m) => m.from))}::text[],
                    ${textArray(moves.map((m) => m.to))}::text[], ${numberArray(moves.map((m) => m.at))}::int8[])
          as m(c, f, t, a)
       order by m.a
    )
    update customers c
       set lifecycle_stage = d.stage, stage_changed_at = ${instant(sql`d.changed`)},
           since = ${instant(sql`d.since`)}, stage_review_at = ${instant(sql`d.review`)}
      from unnest(${textArray(decided.map((d) => d.customerId))}::uuid[], ${textArray(decided.map((d) => d.stage))}::text[],
                  ${numberArray(decided.map((d) => d.stageChangedAt))}::int8[],
                  ${numberArray(decided.map((d) => d.since))}::int8[],
                  ${numberArray(decided.map((d) => d.reviewAt))}::int8[])
        as d(id, stage, changed, since, review)
     where c.org_id = ${orgId}::uuid and c.id = d.id`);
}

/**
 * Locks every customer of the organization in the global order (external id), for a run that
 * rewrites them all; answers how many there are.
 */
export async function lockAllCustomers(tx: Executor, orgId: string) {
  const [row] = rowsOf<{ n: number }>(
    await tx.execute(sql`
      select count(*)::int as n from (
        select 1 from customers where org_id = ${orgId}::uuid order by external_id for no key update
      ) locked`),
  );
  return Number(row?.n ?? 0);
}

/**
 * The organization's customers in pages of `size` in id order, each as its first and last id: a
 * whole organization read page by page, each page one range of the per-customer indexes.
 */
export async function idPages(tx: Executor, orgId: string, size: number) {
  const rows = rowsOf<{ id: string; n: number; total: number }>(
    await tx.execute(sql`
      select id::text as id, n, total from (
        select c.id, row_number() over (order by c.id) as n, count(*) over () as total
          from customers c where c.org_id = ${orgId}::uuid
      ) numbered
       where n % ${size} in (0, 1 % ${size}) or n = total
       order by n`),
  );
  const pages: { first: string; last: string }[] = [];
  for (const r of rows) {
    const n = Number(r.n);
    if ((n - 1) % size === 0) pages.push({ first: r.id, last: r.id });
    if (n % size === 0 || n === Number(r.total)) pages[pages.length - 1].last = r.id;
  }
  return pages;
}

/** Customers whose stage time alone changes by `now`, in external-id order; at most `limit`. */
export async function listDueForReview(tx: Executor, orgId: string, now: Date, limit: number) {
  return rowsOf<{ id: string }>(
    await tx.execute(sql`
      select id::text from customers
       where org_id = ${orgId}::uuid and stage_review_at <= ${now}::timestamptz
       order by external_id limit ${limit}`),
  ).map((r) => r.id);
}

/** Notes customers whose histories are to be rewritten after this transaction (one row a batch). */
export async function noteStageBacklog(
  tx: Executor,
  orgId: string,
  customerIds: readonly string[],
  now: Date,
) {
  if (!customerIds.length) return;
  await tx.execute(sql`
    insert into stage_backlog (org_id, customer_ids, created_at)
    values (${orgId}::uuid, ${textArray(customerIds)}::uuid[], ${now}::timestamptz)`);
}

/**
 * Takes every noted customer of the organization off the backlog, in external-id order (the
 * global lock order); at most `limit` notes at a time, so a long import is taken in turns.
 */
export async function takeStageBacklog(tx: Executor, orgId: string, limit: number) {
  const rows = rowsOf<{ id: string }>(
    await tx.execute(sql`
      with taken as (
        delete from stage_backlog
         where org_id = ${orgId}::uuid
           and id in (select id from stage_backlog where org_id = ${orgId}::uuid order by id limit ${limit}
                      for update skip locked)
        returning customer_ids
      )
      select c.id::text from customers c
       where c.org_id = ${orgId}::uuid
         and c.id in (select unnest(customer_ids) from taken)
       order by c.external_id`),
  );
  return rows.map((r) => r.id);
}
