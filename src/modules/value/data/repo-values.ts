// The read path: stored scores for the list, the distribution and the customer profile.
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '../../../db/database';
import { customerValues, tierChanges } from './tables';

const valueColumns = {
  customerId: customerValues.customerId,
  aliveProbability: customerValues.pAlive,
  expectedPurchases: customerValues.expectedPurchases,
  expectedSpendMinor: customerValues.expectedSpendMinor,
  clvMinor: customerValues.clvMinor,
  costToServeMinor: customerValues.costToServeMinor,
  profitabilityMinor: customerValues.profitabilityMinor,
  tier: customerValues.tier,
  scoredAt: customerValues.scoredAt,
};

export type ValueRow = {
  customerId: string;
  aliveProbability: number;
  expectedPurchases: number;
  expectedSpendMinor: number;
  clvMinor: number;
  costToServeMinor: number;
  profitabilityMinor: number;
  tier: string;
  scoredAt: Date;
};

export type ValueSort = 'clv' | '-clv' | 'profitability' | '-profitability';

/** One page of scores in `sort` order, keyset-paged on (metric, customer id). */
export async function pageValues(
  tx: Executor,
  orgId: string,
  o: { sort: ValueSort; tier?: string; limit: number; after?: [number, string] },
): Promise<ValueRow[]> {
  const descending = o.sort.startsWith('-');
  const metric = o.sort.endsWith('clv') ? customerValues.clvMinor : customerValues.profitabilityMinor;
  const where = [eq(customerValues.orgId, orgId)];
  if (o.tier) where.push(eq(customerValues.tier, o.tier));
  if (o.after) {
    const [value, id] = o.after;
    where.push(
      descending
        ? sql`(${metric}, ${customerValues.customerId}) < (${value}::bigint, ${id}::uuid)`
        : sql`(${metric}, ${customerValues.customerId}) > (${value}::bigint, ${id}::uuid)`,
    );
  }
  const order = descending ? desc : asc;
  return tx
    .select(valueColumns)
    .from(customerValues)
    .where(and(...where))
    .orderBy(order(metric), order(customerValues.customerId))
    .limit(o.limit + 1);
}

export async function findCustomerValue(
  tx: Executor,
  orgId: string,
  customerId: string,
): Promise<ValueRow | undefined> {
  const [row] = await tx
    .select(valueColumns)
    .from(customerValues)
    .where(and(eq(customerValues.orgId, orgId), eq(customerValues.customerId, customerId)));
  return row;
}

export async function listTierHistory(tx: Executor, orgId: string, customerId: string, limit: number) {
  return tx
    .select({ from: tierChanges.fromTier, to: tierChanges.toTier, at: tierChanges.changedAt })
    .from(tierChanges)
    .where(and(eq(tierChanges.orgId, orgId), eq(tierChanges.customerId, customerId)))
    .orderBy(desc(tierChanges.changedAt), desc(tierChanges.id))
    .limit(limit);
}

export type ClvStats = {
  customers: number;
  min: number;
  max: number;
  mean: number;
  p50: number;
  p90: number;
  p99: number;
  scoredAt: Date | null;
};

export async function summarizeClv(tx: Executor, orgId: string): Promise<ClvStats> {
  const result = await tx.execute(sql`
    select count(*)::int as customers,
           coalesce(min(clv_minor), 0)::float8 as min, coalesce(max(clv_minor), 0)::float8 as max,
           coalesce(avg(clv_minor), 0)::float8 as mean,
           coalesce(percentile_cont(0.5) within group (order by clv_minor), 0)::float8 as p50,
           coalesce(percentile_cont(0.9) within group (order by clv_minor), 0)::float8 as p90,
           coalesce(percentile_cont(0.99) within group (order by clv_minor), 0)::float8 as p99,
           max(scored_at) as "scoredAt"
      from customer_values where org_id = ${orgId}::uuid`);
  const row = rowsOf<ClvStats & { scoredAt: Date | string | null }>(result)[0];
  return {
    customers: Number(row.customers),
    min: Number(row.min),
    max: Number(row.max),
    mean: Number(row.mean),
    p50: Number(row.p50),
    p90: Number(row.p90),
    p99: Number(row.p99),
    scoredAt: row.scoredAt === null ? null : new Date(row.scoredAt),
  };
}

/** Customers per bucket of width_bucket(clv, lo, hi, n): 0 below lo, n + 1 at or above hi. */
export async function countClvBuckets(tx: Executor, orgId: string, lo: number, hi: number, n: number) {
  const result = await tx.execute(sql`
    select width_bucket(clv_minor::float8, ${lo}::float8, ${hi}::float8, ${n}::int) as bucket,
           count(*)::int as count
      from customer_values where org_id = ${orgId}::uuid
     group by 1`);
  return rowsOf<{ bucket: number; count: number }>(result).map((r) => ({
    bucket: Number(r.bucket),
    count: Number(r.count),
  }));
}

export async function countTiers(tx: Executor, orgId: string) {
  const result = await tx.execute(sql`
    select tier, count(*)::int as customers, sum(clv_minor)::float8 as "clvMinor",
           sum(profitability_minor)::float8 as "profitabilityMinor"
      from customer_values where org_id = ${orgId}::uuid
     group by tier order by tier`);
  return rowsOf<{ tier: string; customers: number; clvMinor: number; profitabilityMinor: number }>(
    result,
  ).map((r) => ({
    tier: r.tier,
    customers: Number(r.customers),
    clvMinor: Number(r.clvMinor),
    profitabilityMinor: Number(r.profitabilityMinor),
  }));
}
