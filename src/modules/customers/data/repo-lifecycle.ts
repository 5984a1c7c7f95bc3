import { and, asc, desc, eq, gt, gte, lte, type SQL, sql } from 'drizzle-orm';
import { textArray } from '../../../db/array-literal';
import { type Executor, rowsOf } from '../../../db/database';
import { type Cutoffs, DEFAULT_RULES, type LifecycleRules } from '../domain/stages';
import { stageFactsSelect } from './repo-facts';
import { customerStats, customers, lifecycleSettings, stageChanges } from './tables';

export async function findRules(tx: Executor, orgId: string): Promise<LifecycleRules> {
  const [row] = await tx
    .select({
      regularMinPurchases: lifecycleSettings.regularMinPurchases,
      regularWindowDays: lifecycleSettings.regularWindowDays,
      loyalMinNps: lifecycleSettings.loyalMinNps,
      referralWindowDays: lifecycleSettings.referralWindowDays,
      lostAfterDays: lifecycleSettings.lostAfterDays,
      lostAliveBelow: lifecycleSettings.lostAliveBelow,
    })
    .from(lifecycleSettings)
    .where(eq(lifecycleSettings.orgId, orgId));
  return row ?? DEFAULT_RULES;
}

export async function saveRules(tx: Executor, orgId: string, rules: LifecycleRules, now: Date) {
  await tx
    .insert(lifecycleSettings)
    .values({ orgId, ...rules, updatedAt: now })
    .onConflictDoUpdate({ target: lifecycleSettings.orgId, set: { ...rules, updatedAt: now } });
}

export type NpsSignal = { customerId: string; nps: number | null; at: Date };

/** Keeps the latest NPS answer and response time per customer; older news never overwrites newer. */
export async function recordNpsSignals(tx: Executor, orgId: string, signals: NpsSignal[]) {
  const latest = new Map<string, NpsSignal>();
  for (const s of signals) {
    const seen = latest.get(s.customerId);
    if (!seen || s.at >= seen.at) latest.set(s.customerId, s);
  }
  if (!latest.size) return;
  const json = JSON.stringify(
    [...latest.values()].map((s) => ({ customer_id: s.customerId, nps: s.nps, at: s.at.toISOString() })),
  );
  await tx.execute(sql`
    insert into customer_stats as s (org_id, customer_id, last_nps, last_nps_at, last_response_at)
    select ${orgId}::uuid, r.customer_id, r.nps, case when r.nps is null then null else r.at end, r.at
      from json_to_recordset(${json}::json) as r(customer_id uuid, nps smallint, at timestamptz)
    on conflict (org_id, customer_id) do update set
      last_nps = case when excluded.last_nps is not null
                       and excluded.last_nps_at >= coalesce(s.last_nps_at, '-infinity')
                      then excluded.last_nps else s.last_nps end,
      last_nps_at = greatest(s.last_nps_at, excluded.last_nps_at),
      last_response_at = greatest(s.last_response_at, excluded.last_response_at)`);
}

export type AliveProbability = { customerId: string; aliveProbability: number };

export async function storeAliveProbabilities(
  tx: Executor,
  orgId: string,
  values: AliveProbability[],
  at: Date,
) {
  if (!values.length) return;
  const json = JSON.stringify(values.map((v) => ({ customer_id: v.customerId, p: v.aliveProbability })));
  await tx.execute(sql`
    insert into customer_stats as s (org_id, customer_id, alive_probability, alive_probability_at)
    select ${orgId}::uuid, r.customer_id, r.p, ${at}::timestamptz
      from json_to_recordset(${json}::json) as r(customer_id uuid, p double precision)
      join customers c on c.org_id = ${orgId}::uuid and c.id = r.customer_id
    on conflict (org_id, customer_id) do update set
      alive_probability = excluded.alive_probability, alive_probability_at = excluded.alive_probability_at`);
}

/** A customer to decide, and the time of its latest purchase known to the caller (ms), if any. */
export type StageScope = { id: string; lastPurchaseMs?: number };

export type StageChange = { customerId: string; externalId: string; from: string; to: string };

/**
 * The organization's rules (the defaults where it set none) and the instants their windows start,
 * in one round trip: a batch of events reads them every time.
 */
export type StageContext = { rules: LifecycleRules; cutoffs: Cutoffs };

export async function loadStageContext(tx: Executor, orgId: string, now: Date): Promise<StageContext> {
  const d = DEFAULT_RULES;
  // The instant the calendar day `days` days before now starts, in the organization's time zone.
  const dayStart = (days: SQL) =>
    sql`((((${now}::timestamptz at time zone r.tz)::date - ${days})::timestamp) at time zone r.tz)`;
  const [row] = rowsOf<LifecycleRules & Cutoffs>(
    await tx.execute(sql`
      select r.*, ${dayStart(sql`r."regularWindowDays"`)} as "regularFrom",
             ${dayStart(sql`r."referralWindowDays"`)} as "referralFrom",
             ${dayStart(sql`r."lostAfterDays"`)} as "activeFrom"
        from (
          select o.time_zone as tz,
                 coalesce(l.regular_min_purchases, ${d.regularMinPurchases}) as "regularMinPurchases",
                 coalesce(l.regular_window_days, ${d.regularWindowDays}) as "regularWindowDays",
                 coalesce(l.loyal_min_nps, ${d.loyalMinNps}) as "loyalMinNps",
                 coalesce(l.referral_window_days, ${d.referralWindowDays}) as "referralWindowDays",
                 coalesce(l.lost_after_days, ${d.lostAfterDays}) as "lostAfterDays",
                 case when l.org_id is null then ${d.lostAliveBelow}::float8 else l.lost_alive_below end as "lostAliveBelow"
            from orgs o left join lifecycle_settings l on l.org_id = o.id
           where o.id = ${orgId}::uuid
        ) r`),
  );
  if (!row) throw new Error('organization not found');
  return {
    rules: {
      regularMinPurchases: row.regularMinPurchases,
      regularWindowDays: row.regularWindowDays,
      loyalMinNps: row.loyalMinNps,
      referralWindowDays: row.referralWindowDays,
      lostAfterDays: row.lostAfterDays,
      lostAliveBelow: row.lostAliveBelow === null ? null : Number(row.lostAliveBelow),
    },
    cutoffs: {
      regularFrom: new Date(row.regularFrom),
      referralFrom: new Date(row.referralFrom),
      activeFrom: new Date(row.activeFrom),
    },
  };
}

/**
 * Applies the lifecycle rules (see stages.ts) in one statement: decides each customer's stage
 * from the facts of its events, updates the customers whose stage differs and logs each change.
 * `scope` limits it to those customers (as events arrive), their facts aggregated here
 * through the per-customer index; without it every customer of the organization is decided
 * from the `customer_facts` table (buildFactsTable) and only the number of changes comes back.
 */
export async function applyStageRules(
  tx: Executor,
  orgId: string,
  o: { now: Date; rules: LifecycleRules; cutoffs: Cutoffs; scope?: StageScope[] },
): Promise<{ count: number; changes: StageChange[] }> {
  const { now, rules, cutoffs } = o;
  const scoped = o.scope !== undefined;
  // A batch's customers are materialised first, so events and customers are reached through
  // their indexes, once per customer, whatever the size of the tables. A customer known to have
  // bought since `activeFrom` is decided from the events of the rules' windows alone: its last
  // purchase is among them, and nothing older moves it.
  const windowFrom = new Date(
    Math.min(cutoffs.regularFrom.getTime(), cutoffs.referralFrom.getTime(), cutoffs.activeFrom.getTime()),
  );
  const activeFromMs = cutoffs.activeFrom.getTime();
  const scope = o.scope ?? [];
  const recent = scope.map((c) =>
    c.lastPurchaseMs !== undefined && c.lastPurchaseMs >= activeFromMs ? 't' : 'f',
  );
  const facts = scoped
    ? sql`scope as materialized (
        select a.id, case when a.recent then ${windowFrom}::timestamptz else '-infinity' end as since
          from unnest(${textArray(scope.map((c) => c.id))}::uuid[], ${textArray(recent)}::boolean[]) as a(id, recent)),
      facts as (${stageFactsSelect(orgId, cutoffs.regularFrom, sql`scope join events e on e.org_id = ${orgId}::uuid and e.customer_id = scope.id and e.occurred_at >= scope.since`)}),`
    : sql`facts as (select * from customer_facts),`;
  const customersOfScope = scoped
    ? sql`scope join customers c on c.org_id = ${orgId}::uuid and c.id = scope.id`
    : sql`customers c`;
  // Rows are locked in the global order (see repo-customers.ts) before they are changed: a
  // scope's customers by the caller (claimCustomers, lockCustomers), before anything else of
  // theirs is written; the whole organization's here, as an UPDATE takes its rows in its plan's
  // order.
  const lockOrder = scoped
    ? sql``
    : sql`locked as materialized (
        select d.id, d.old_stage, d.new_stage from decided d
          join customers c on c.org_id = ${orgId}::uuid and c.id = d.id
         where d.new_stage <> d.old_stage
         order by c.external_id
           for no key update of c
      ),`;
  const aliveBelow = rules.lostAliveBelow;
  const minPurchases = sql`${rules.regularMinPurchases}::int`;
  const result = await tx.execute(sql`
    with ${facts}
    decided as materialized (
      select c.id, c.lifecycle_stage as old_stage,
             case
               when f.last_purchase_at is not null
                    and (f.last_purchase_at < ${cutoffs.activeFrom}::timestamptz
                         or (${aliveBelow}::float8 is not null and s.alive_probability < ${aliveBelow}::float8))
                 then 'lost'
               when f.recent_purchases >= ${minPurchases}
                    and (s.last_nps >= ${rules.loyalMinNps}::int or f.last_referral_at >= ${cutoffs.referralFrom}::timestamptz)
                 then 'loyal'
               when f.recent_purchases >= ${minPurchases} then 'regular'
               when f.last_purchase_at is not null then 'buyer'
               when f.customer_id is not null or s.last_response_at is not null then 'visitor'
               else 'potential'
             end as new_stage
        from ${customersOfScope}
        left join facts f on f.customer_id = c.id
        left join customer_stats s on s.org_id = c.org_id and s.customer_id = c.id
       where c.org_id = ${orgId}::uuid
    ),
    ${lockOrder}
    changed as (
      update customers c set lifecycle_stage = d.new_stage, stage_changed_at = ${now}::timestamptz
        from ${scoped ? sql`(select id, old_stage, new_stage from decided where new_stage <> old_stage)` : sql`locked`} d
       where c.org_id = ${orgId}::uuid and c.id = d.id
      returning c.id, c.external_id, d.old_stage, d.new_stage
    ),
    logged as (
      insert into stage_changes (org_id, customer_id, from_stage, to_stage, changed_at)
      select ${orgId}::uuid, id, old_stage, new_stage, ${now}::timestamptz from changed order by id
    )
    ${
      scoped
        ? sql`select id as "customerId", external_id as "externalId", old_stage as "from", new_stage as "to" from changed`
        : sql`select count(*)::int as count from changed`
    }`);
  if (scoped) {
    const changes = rowsOf<StageChange>(result);
    return { count: changes.length, changes };
  }
  return { count: Number(rowsOf<{ count: number }>(result)[0]?.count ?? 0), changes: [] };
}

export async function lastStageChangeId(tx: Executor, orgId: string): Promise<number> {
  const [row] = await tx
    .select({ id: sql<number>`coalesce(max(${stageChanges.id}), 0)` })
    .from(stageChanges)
    .where(eq(stageChanges.orgId, orgId));
  return Number(row?.id ?? 0);
}

/** Stage changes logged after `afterId`, oldest first, with the customer's external id. */
export async function pageStageChanges(tx: Executor, orgId: string, afterId: number, limit: number) {
  return tx
    .select({
      id: stageChanges.id,
      customerId: stageChanges.customerId,
      externalId: customers.externalId,
      from: stageChanges.fromStage,
      to: stageChanges.toStage,
      at: stageChanges.changedAt,
    })
    .from(stageChanges)
    .innerJoin(
      customers,
      and(eq(customers.orgId, stageChanges.orgId), eq(customers.id, stageChanges.customerId)),
    )
    .where(and(eq(stageChanges.orgId, orgId), gt(stageChanges.id, afterId)))
    .orderBy(asc(stageChanges.id))
    .limit(limit);
}

export async function listStageHistory(tx: Executor, orgId: string, customerId: string, limit: number) {
  return tx
    .select({ from: stageChanges.fromStage, to: stageChanges.toStage, at: stageChanges.changedAt })
    .from(stageChanges)
    .where(and(eq(stageChanges.orgId, orgId), eq(stageChanges.customerId, customerId)))
    .orderBy(desc(stageChanges.changedAt), desc(stageChanges.id))
    .limit(limit);
}

export async function countByStage(tx: Executor, orgId: string) {
  return tx
    .select({ stage: customers.lifecycleStage, count: sql<number>`count(*)::int` })
    .from(customers)
    .where(eq(customers.orgId, orgId))
    .groupBy(customers.lifecycleStage);
}

export async function countTransitions(tx: Executor, orgId: string, from: Date, to: Date) {
  return tx
    .select({
      from: stageChanges.fromStage,
      to: stageChanges.toStage,
      count: sql<number>`count(*)::int`,
    })
    .from(stageChanges)
    .where(
      and(eq(stageChanges.orgId, orgId), gte(stageChanges.changedAt, from), lte(stageChanges.changedAt, to)),
    )
    .groupBy(stageChanges.fromStage, stageChanges.toStage)
    .orderBy(stageChanges.fromStage, stageChanges.toStage);
}

export async function findStats(tx: Executor, orgId: string, customerId: string) {
  const [row] = await tx
    .select({
      lastNps: customerStats.lastNps,
      lastNpsAt: customerStats.lastNpsAt,
      lastResponseAt: customerStats.lastResponseAt,
      aliveProbability: customerStats.aliveProbability,
    })
    .from(customerStats)
    .where(and(eq(customerStats.orgId, orgId), eq(customerStats.customerId, customerId)));
  return row;
}
