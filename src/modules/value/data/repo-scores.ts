// The write path of a scoring run: staged rows (inserted a chunk at a time) become
// customer_values in a few set-based statements, and tier changes are logged on the way.
import { lt, sql } from 'drizzle-orm';
import { numberArray, textArray } from '../../../db/array-literal';
import { type Executor, rowsOf } from '../../../db/database';
import type { ComputedScores } from '../domain/compute-scores';
import { customerValueStaging } from './tables';

/**
 * Stages rows [start, end) of a run's scores, `customerIds[i]` the customer of row i, in one
 * statement of one array per column (see array-literal.ts). An INSERT, not COPY: the table has
 * row-level security, and this runs as the application role in the organization.
 */
export async function stageScores(
  tx: Executor,
  orgId: string,
  o: { runId: string; customerIds: string[]; scores: ComputedScores; start: number; end: number },
) {
  const { scores: s, start, end } = o;
  const column = (values: Float64Array) => numberArray(Array.from(values.subarray(start, end)));
  await tx.execute(sql`
    insert into customer_value_staging (run_id, org_id, customer_id, p_alive, expected_purchases,
                                        expected_spend_minor, clv_minor, cost_to_serve_minor,
                                        profitability_minor, tier)
    select ${o.runId}::uuid, ${orgId}::uuid, c, p, x, e, v, k, f, t
      from unnest(${textArray(o.customerIds.slice(start, end))}::uuid[],
                  ${column(s.aliveProbability)}::float8[], ${column(s.expectedPurchases)}::float8[],
                  ${column(s.expectedSpendMinor)}::bigint[], ${column(s.clvMinor)}::bigint[],
                  ${column(s.costToServeMinor)}::bigint[], ${column(s.profitabilityMinor)}::bigint[],
                  ${textArray(s.tiers.slice(start, end))}::text[])
        as r(c, p, x, e, v, k, f, t)`);
}

export type TierChange = { customerId: string; from: string | null; to: string };

/** Logs every staged customer whose tier differs from its stored one; returns the changes. */
export async function logTierChanges(
  tx: Executor,
  orgId: string,
  runId: string,
  now: Date,
): Promise<TierChange[]> {
  const result = await tx.execute(sql`
    with changed as (
      select s.customer_id, v.tier as from_tier, s.tier as to_tier
        from customer_value_staging s
        left join customer_values v on v.org_id = s.org_id and v.customer_id = s.customer_id
       where s.run_id = ${runId}::uuid and s.org_id = ${orgId}::uuid and v.tier is distinct from s.tier
    ),
    logged as (
      insert into tier_changes (org_id, customer_id, from_tier, to_tier, changed_at)
      select ${orgId}::uuid, customer_id, from_tier, to_tier, ${now}::timestamptz from changed
    )
    select customer_id::text as "customerId", from_tier as "from", to_tier as "to" from changed`);
  return rowsOf<TierChange>(result);
}

/** Upserts the run's scores; customers scored before but not in this run lose their row. */
export async function mergeStagedScores(
  tx: Executor,
  orgId: string,
  o: { runId: string; fitId: number; now: Date },
): Promise<number> {
  const merged = await tx.execute(sql`
    with merged as (
      insert into customer_values (org_id, customer_id, fit_id, p_alive, expected_purchases,
                                   expected_spend_minor, clv_minor, cost_to_serve_minor,
                                   profitability_minor, tier, scored_at)
      select s.org_id, s.customer_id, ${o.fitId}::bigint, s.p_alive, s.expected_purchases,
             s.expected_spend_minor, s.clv_minor, s.cost_to_serve_minor, s.profitability_minor,
             s.tier, ${o.now}::timestamptz
        from customer_value_staging s
       where s.run_id = ${o.runId}::uuid and s.org_id = ${orgId}::uuid
      on conflict (org_id, customer_id) do update set
        fit_id = excluded.fit_id, p_alive = excluded.p_alive,
        expected_purchases = excluded.expected_purchases,
        expected_spend_minor = excluded.expected_spend_minor, clv_minor = excluded.clv_minor,
        cost_to_serve_minor = excluded.cost_to_serve_minor,
        profitability_minor = excluded.profitability_minor, tier = excluded.tier,
        scored_at = excluded.scored_at
      returning 1
    )
    select count(*)::int as n from merged`);
  // Every row of this run now carries its time; older ones are customers no longer scored.
  await tx.execute(sql`
    delete from customer_values
     where org_id = ${orgId}::uuid and scored_at <> ${o.now}::timestamptz`);
  return Number(rowsOf<{ n: number }>(merged)[0]?.n ?? 0);
}

export async function deleteStaged(tx: Executor, runId: string) {
  await tx.execute(sql`delete from customer_value_staging where run_id = ${runId}::uuid`);
}

/** Rows of runs that died between COPY and merge, a day or more ago. */
export async function deleteStaleStaging(tx: Executor) {
  await tx
    .delete(customerValueStaging)
    .where(lt(customerValueStaging.stagedAt, sql`now() - interval '1 day'`));
}
