/** What the ledger shows: a customer's entries newest first, lots expiring next, the program's liability. */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/database';
import { rowsOf } from '../../../db/database';
import { before, toMilliseconds } from '../../../db/keyset';
import { loyaltyAccounts, loyaltyEntries } from './tables-ledger';

export async function findAccount(tx: Executor, orgId: string, customerId: string) {
  const [row] = await tx
    .select({
      balance: loyaltyAccounts.balance,
      earnedTotal: loyaltyAccounts.earnedTotal,
      debt: loyaltyAccounts.debt,
      tierCode: loyaltyAccounts.tierCode,
      tierSince: loyaltyAccounts.tierSince,
    })
    .from(loyaltyAccounts)
    .where(and(eq(loyaltyAccounts.orgId, orgId), eq(loyaltyAccounts.customerId, customerId)));
  return row;
}

const entryColumns = {
  id: loyaltyEntries.id,
  kind: loyaltyEntries.kind,
  points: loyaltyEntries.points,
  reason: loyaltyEntries.reason,
  sourceKind: loyaltyEntries.sourceKind,
  sourceId: loyaltyEntries.sourceId,
  userId: loyaltyEntries.userId,
  reversesEntryId: loyaltyEntries.reversesEntryId,
  occurredAt: loyaltyEntries.occurredAt,
  createdAt: loyaltyEntries.createdAt,
};

/** A newest-first page of the customer's entries before `position` (created at, id): `limit + 1` rows. */
export async function pageEntries(
  tx: Executor,
  orgId: string,
  customerId: string,
  limit: number,
  position?: [string, string],
) {
  const order = [toMilliseconds(loyaltyEntries.createdAt), loyaltyEntries.id];
  return tx
    .select(entryColumns)
    .from(loyaltyEntries)
    .where(
      and(
        eq(loyaltyEntries.orgId, orgId),
        eq(loyaltyEntries.customerId, customerId),
        before(order, position ? [new Date(position[0]), position[1]] : undefined),
      ),
    )
    .orderBy(...order.map((c) => desc(c)))
    .limit(limit + 1);
}

/** Every entry of the customer, oldest first (the GDPR export; a customer holds a bounded history). */
export async function allEntries(tx: Executor, orgId: string, customerId: string) {
  return tx
    .select(entryColumns)
    .from(loyaltyEntries)
    .where(and(eq(loyaltyEntries.orgId, orgId), eq(loyaltyEntries.customerId, customerId)))
    .orderBy(loyaltyEntries.createdAt, loyaltyEntries.id);
}

export type ExpiringLot = { points: number; expiresAt: Date; lockedUntil: Date | null };

/** The customer's lots with points left that expire, soonest first. */
export async function expiringLots(
  tx: Executor,
  orgId: string,
  customerId: string,
  limit: number,
): Promise<ExpiringLot[]> {
  const rows = rowsOf<{ remaining: string; expires_at: string | Date; locked_until: string | Date | null }>(
    await tx.execute(sql`
      select remaining, expires_at, locked_until from loyalty_lots
       where org_id = ${orgId}::uuid and customer_id = ${customerId}::uuid and remaining > 0 and expires_at is not null
       order by expires_at, earned_at, id
       limit ${limit}`),
  );
  return rows.map((r) => ({
    points: Number(r.remaining),
    expiresAt: new Date(r.expires_at),
    lockedUntil: r.locked_until === null ? null : new Date(r.locked_until),
  }));
}

/** What the program owes: points outstanding, and those expiring within 30 and 90 days of `now`. */
export async function liability(tx: Executor, orgId: string, now: Date) {
  const [row] = rowsOf<{
    outstanding: string | null;
    debt: string | null;
    accounts: string;
    expiring30: string | null;
    expiring90: string | null;
  }>(
    await tx.execute(sql`
      select (select coalesce(sum(balance), 0) from loyalty_accounts where org_id = ${orgId}::uuid) as outstanding,
             (select coalesce(sum(debt), 0) from loyalty_accounts where org_id = ${orgId}::uuid) as debt,
             (select count(*) from loyalty_accounts where org_id = ${orgId}::uuid and balance <> 0) as accounts,
             sum(remaining) filter (where expires_at <= ${now}::timestamptz + interval '30 days') as expiring30,
             sum(remaining) filter (where expires_at <= ${now}::timestamptz + interval '90 days') as expiring90
        from loyalty_lots
       where org_id = ${orgId}::uuid and remaining > 0 and expires_at is not null`),
  );
  return {
    outstanding: Number(row?.outstanding ?? 0),
    debt: Number(row?.debt ?? 0),
    accounts: Number(row?.accounts ?? 0),
    expiring30: Number(row?.expiring30 ?? 0),
    expiring90: Number(row?.expiring90 ?? 0),
  };
}

/** Every lot of the customer, oldest first (the GDPR export). */
export async function allLots(tx: Executor, orgId: string, customerId: string) {
  const rows = rowsOf<{
    amount: string;
    remaining: string;
    earned_at: string | Date;
    expires_at: string | Date | null;
    locked_until: string | Date | null;
  }>(
    await tx.execute(sql`
      select amount, remaining, earned_at, expires_at, locked_until from loyalty_lots
       where org_id = ${orgId}::uuid and customer_id = ${customerId}::uuid
       order by earned_at, id`),
  );
  return rows.map((r) => ({
    amount: Number(r.amount),
    remaining: Number(r.remaining),
    earnedAt: new Date(r.earned_at),
    expiresAt: r.expires_at === null ? null : new Date(r.expires_at),
    lockedUntil: r.locked_until === null ? null : new Date(r.locked_until),
  }));
}

/**
 * Erasure: the customer's entries keep their kind, points and times (the ledger and the
 * program's figures stay whole) but lose their reasons and source ids, which may name the person
 * or carry identifiers of their events.
 */
export async function blankEntries(tx: Executor, orgId: string, customerId: string) {
  await tx.execute(sql`
    update loyalty_entries set reason = 'erased', source_id = null
     where org_id = ${orgId}::uuid and customer_id = ${customerId}::uuid`);
}
