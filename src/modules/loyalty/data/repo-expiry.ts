/** What expiry and the nightly invariant check read: lots past their expiry, and every account's figures side by side. */
import { desc, eq, sql } from 'drizzle-orm';
import { textArray } from '../../../db/array-literal';
import { type Executor, rowsOf } from '../../../db/database';
import type { InvariantBreak } from '../domain/ledger-model';
import { loyaltyInvariantRuns } from './tables-ledger';

/** Organizations holding lots that expire some day (the expiry job's fan-out). */
export async function orgsWithExpiringLots(tx: Executor): Promise<string[]> {
  const rows = rowsOf<{ org_id: string }>(
    await tx.execute(
      sql`select distinct org_id from loyalty_lots where remaining > 0 and expires_at is not null`,
    ),
  );
  return rows.map((r) => r.org_id);
}

/** Organizations with loyalty accounts (the invariant check's fan-out). */
export async function orgsWithAccounts(tx: Executor): Promise<string[]> {
  const rows = rowsOf<{ org_id: string }>(
    await tx.execute(sql`select distinct org_id from loyalty_accounts`),
  );
  return rows.map((r) => r.org_id);
}

/** Up to `limit` customers with points past their expiry at `now`. */
export async function customersWithExpiredLots(tx: Executor, orgId: string, now: Date, limit: number) {
  const rows = rowsOf<{ customer_id: string }>(
    await tx.execute(sql`
      select distinct customer_id from loyalty_lots
       where org_id = ${orgId}::uuid and remaining > 0 and expires_at <= ${now}::timestamptz
       limit ${limit}`),
  );
  return rows.map((r) => r.customer_id);
}

export type ExpiredLot = { id: string; customerId: string; remaining: number; expiresAt: Date };

/** These customers' lots past their expiry with points left, locked (the caller holds the accounts). */
export async function lockExpiredLots(
  tx: Executor,
  orgId: string,
  customerIds: readonly string[],
  now: Date,
) {
  if (!customerIds.length) return [];
  const rows = rowsOf<{ id: string; customer_id: string; remaining: string; expires_at: string | Date }>(
    await tx.execute(sql`
      select id, customer_id, remaining, expires_at from loyalty_lots
       where org_id = ${orgId}::uuid and customer_id = any(${textArray(customerIds)}::uuid[])
         and remaining > 0 and expires_at <= ${now}::timestamptz
       order by id
         for update`),
  );
  return rows.map(
    (r): ExpiredLot => ({
      id: r.id,
      customerId: r.customer_id,
      remaining: Number(r.remaining),
      expiresAt: new Date(r.expires_at),
    }),
  );
}

/**
 * Every customer whose figures disagree: balance ≠ Σ entries, Σ lots remaining − debt ≠ balance,
 * debt ≠ −Σ entries' debt points, a lot below zero, above its amount or unlike its links, an
 * entry unlike its links. The count of accounts checked comes too.
 */
export async function findBreaks(tx: Executor, orgId: string, limit: number) {
  const rows = rowsOf<{
    customer_id: string;
    balance: string;
    entries_sum: string;
    lots_remaining: string;
    debt: string;
    bad_lots: string;
    bad_entries: string;
  }>(
    await tx.execute(sql`
      with a as (select customer_id, balance, debt from loyalty_accounts where org_id = ${orgId}::uuid),
           e as (select customer_id, sum(points) as s, sum(debt_points) as d
                   from loyalty_entries where org_id = ${orgId}::uuid group by customer_id),
           lk as (select lot_id, sum(points) as s from loyalty_entry_lots where org_id = ${orgId}::uuid group by lot_id),
           ek as (select entry_id, sum(points) as s from loyalty_entry_lots where org_id = ${orgId}::uuid group by entry_id),
           l as (select l.customer_id, sum(l.remaining) as r,
                        count(*) filter (where l.remaining < 0 or l.remaining > l.amount
                                            or l.remaining <> coalesce(lk.s, 0)) as bad
                   from loyalty_lots l left join lk on lk.lot_id = l.id
                  where l.org_id = ${orgId}::uuid group by l.customer_id),
           x as (select en.customer_id, count(*) as bad
                   from loyalty_entries en left join ek on ek.entry_id = en.id
                  where en.org_id = ${orgId}::uuid and en.points <> coalesce(ek.s, 0) + en.debt_points
                  group by en.customer_id),
           c as (select coalesce(a.customer_id, e.customer_id, l.customer_id) as customer_id,
                        coalesce(a.balance, 0) as balance, coalesce(e.s, 0) as entries_sum,
                        coalesce(l.r, 0) as lots_remaining, coalesce(a.debt, 0) as debt,
                        coalesce(e.d, 0) as debt_points, coalesce(l.bad, 0) as bad_lots,
                        coalesce(x.bad, 0) as bad_entries, a.customer_id is not null as has_account
                   from a full join e on e.customer_id = a.customer_id
                          full join l on l.customer_id = coalesce(a.customer_id, e.customer_id)
                          left join x on x.customer_id = coalesce(a.customer_id, e.customer_id, l.customer_id))
      select customer_id, balance, entries_sum, lots_remaining, debt, bad_lots, bad_entries from c
       where not has_account or balance <> entries_sum or lots_remaining - debt <> balance
          or debt <> -debt_points or bad_lots > 0 or bad_entries > 0
       order by customer_id
       limit ${limit}`),
  );
  const [{ n }] = rowsOf<{ n: string }>(
    await tx.execute(sql`select count(*) as n from loyalty_accounts where org_id = ${orgId}::uuid`),
  );
  const breaks: InvariantBreak[] = rows.map((r) => ({
    customerId: r.customer_id,
    balance: Number(r.balance),
    entriesSum: Number(r.entries_sum),
    lotsRemaining: Number(r.lots_remaining),
    debt: Number(r.debt),
    badLots: Number(r.bad_lots),
    badEntries: Number(r.bad_entries),
  }));
  return { accountsChecked: Number(n), breaks };
}

export async function insertInvariantRun(
  tx: Executor,
  orgId: string,
  run: { ranAt: Date; accountsChecked: number; breaks: InvariantBreak[]; breakCount: number },
) {
  const [row] = await tx
    .insert(loyaltyInvariantRuns)
    .values({ orgId, ...run })
    .returning({ id: loyaltyInvariantRuns.id });
  return row.id;
}

export async function latestInvariantRun(tx: Executor, orgId: string) {
  const [row] = await tx
    .select({
      id: loyaltyInvariantRuns.id,
      ranAt: loyaltyInvariantRuns.ranAt,
      accountsChecked: loyaltyInvariantRuns.accountsChecked,
      breakCount: loyaltyInvariantRuns.breakCount,
      breaks: loyaltyInvariantRuns.breaks,
    })
    .from(loyaltyInvariantRuns)
    .where(eq(loyaltyInvariantRuns.orgId, orgId))
    .orderBy(desc(loyaltyInvariantRuns.ranAt), desc(loyaltyInvariantRuns.id))
    .limit(1);
  return row;
}
