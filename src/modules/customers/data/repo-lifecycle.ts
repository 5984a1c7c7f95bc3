import { and, desc, eq, gte, lte, sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '../../../db/database';
import { DEFAULT_RULES, type LifecycleRules } from '../domain/stages';
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

/** What the value module tells about a customer: the probability of being alive and, when scored, the lifetime value. */
export type AliveProbability = { customerId: string; aliveProbability: number; clvMinor?: number };

export async function storeAliveProbabilities(
  tx: Executor,
  orgId: string,
  values: AliveProbability[],
  at: Date,
) {
  if (!values.length) return;
  const json = JSON.stringify(
    values.map((v) => ({ customer_id: v.customerId, p: v.aliveProbability, clv: v.clvMinor ?? null })),
  );
  await tx.execute(sql`
    insert into customer_stats as s (org_id, customer_id, alive_probability, alive_probability_at, clv_minor)
    select ${orgId}::uuid, r.customer_id, r.p, ${at}::timestamptz, r.clv
      from json_to_recordset(${json}::json) as r(customer_id uuid, p double precision, clv bigint)
      join customers c on c.org_id = ${orgId}::uuid and c.id = r.customer_id
    on conflict (org_id, customer_id) do update set
      alive_probability = excluded.alive_probability, alive_probability_at = excluded.alive_probability_at,
      clv_minor = coalesce(excluded.clv_minor, s.clv_minor)`);
}

/**
 * The organization's rules (the defaults where it set none) and its time zone, in one round trip:
 * a batch of events reads them every time.
 */
export async function loadStageRules(
  tx: Executor,
  orgId: string,
): Promise<{ rules: LifecycleRules; timeZone: string }> {
  const d = DEFAULT_RULES;
  const [row] = rowsOf<LifecycleRules & { tz: string }>(
    await tx.execute(sql`
      select o.time_zone as tz,
             coalesce(l.regular_min_purchases, ${d.regularMinPurchases}) as "regularMinPurchases",
             coalesce(l.regular_window_days, ${d.regularWindowDays}) as "regularWindowDays",
             coalesce(l.loyal_min_nps, ${d.loyalMinNps}) as "loyalMinNps",
             coalesce(l.referral_window_days, ${d.referralWindowDays}) as "referralWindowDays",
             coalesce(l.lost_after_days, ${d.lostAfterDays}) as "lostAfterDays",
             case when l.org_id is null then ${d.lostAliveBelow}::float8 else l.lost_alive_below end as "lostAliveBelow"
        from orgs o left join lifecycle_settings l on l.org_id = o.id
       where o.id = ${orgId}::uuid`),
  );
  if (!row) throw new Error('organization not found');
  return {
    timeZone: row.tz,
    rules: {
      regularMinPurchases: row.regularMinPurchases,
      regularWindowDays: row.regularWindowDays,
      loyalMinNps: row.loyalMinNps,
      referralWindowDays: row.referralWindowDays,
      lostAfterDays: row.lostAfterDays,
      lostAliveBelow: row.lostAliveBelow === null ? null : Number(row.lostAliveBelow),
    },
  };
}

export async function listStageHistory(tx: Executor, orgId: string, customerId: string, limit: number) {
  return tx
    .select({ from: stageChanges.fromStage, to: stageChanges.toStage, at: stageChanges.changedAt })
    .from(stageChanges)
    .where(and(eq(stageChanges.orgId, orgId), eq(stageChanges.customerId, customerId)))
    .orderBy(desc(stageChanges.changedAt))
    .limit(limit);
}

export async function countByStage(tx: Executor, orgId: string) {
  return tx
    .select({ stage: customers.lifecycleStage, count: sql<number>`count(*)::int` })
    .from(customers)
    .where(eq(customers.orgId, orgId))
    .groupBy(customers.lifecycleStage);
}

/**
 * Customers entering and leaving each stage before `before`, by month of the organization's
 * calendar: a customer enters `potential` when it became a customer, and each change of stage
 * leaves one stage for another. Running sums of these give the customers per stage at any month end.
 */
export async function stageFlowsByMonth(tx: Executor, orgId: string, before: Date, timeZone: string) {
  const month = (column: ReturnType<typeof sql>) =>
    sql`to_char(${column} at time zone ${timeZone}, 'YYYY-MM')`;
  return rowsOf<{ month: string; stage: string; delta: number }>(
    await tx.execute(sql`
      select month, stage, sum(delta)::int as delta from (
        select ${month(sql`changed_at`)} as month, to_stage as stage, count(*) as delta
          from stage_changes where org_id = ${orgId}::uuid and changed_at < ${before}::timestamptz
         group by 1, 2
        union all
        select ${month(sql`changed_at`)}, from_stage, -count(*)
          from stage_changes where org_id = ${orgId}::uuid and changed_at < ${before}::timestamptz
         group by 1, 2
        union all
        select ${month(sql`since`)}, 'potential', count(*)
          from customers where org_id = ${orgId}::uuid and since < ${before}::timestamptz
         group by 1
      ) f
      group by month, stage
      order by month`),
  );
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
