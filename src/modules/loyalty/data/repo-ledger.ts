/**
 * The ledger's writes and reads: accounts locked in one order, lots with points left, entries and
 * their links to lots inserted a batch at a time (one statement per table, columns as arrays).
 */
import { and, eq, sql } from 'drizzle-orm';
import { numberArray, textArray } from '../../../db/array-literal';
import { type Executor, rowsOf } from '../../../db/database';
import type { EntryKind, ExpiryMode, RefundPolicy } from '../domain/ledger-model';
import type { OpenLot } from '../domain/lot-allocation';
import { loyaltyEntries, loyaltyPrograms } from './tables-ledger';

export type Program = {
  active: boolean;
  expiry: ExpiryMode;
  expiryDays: number | null;
  refundWhenSpent: RefundPolicy;
};

export const DEFAULT_PROGRAM: Program = {
  active: false,
  expiry: 'never',
  expiryDays: null,
  refundWhenSpent: 'negative_balance',
};

/** The organization's program settings; the defaults (inactive) until it has stored some. */
export async function readProgram(tx: Executor, orgId: string): Promise<Program> {
  const [row] = await tx
    .select({
      active: loyaltyPrograms.active,
      expiry: loyaltyPrograms.expiry,
      expiryDays: loyaltyPrograms.expiryDays,
      refundWhenSpent: loyaltyPrograms.refundWhenSpent,
    })
    .from(loyaltyPrograms)
    .where(eq(loyaltyPrograms.orgId, orgId));
  return row ?? DEFAULT_PROGRAM;
}

export async function storeProgram(tx: Executor, orgId: string, program: Program, now: Date) {
  await tx
    .insert(loyaltyPrograms)
    .values({ orgId, ...program, updatedAt: now })
    .onConflictDoUpdate({ target: loyaltyPrograms.orgId, set: { ...program, updatedAt: now } });
}

/** An account as a writer holds it, locked. */
export type LockedAccount = {
  customerId: string;
  balance: number;
  earnedTotal: number;
  debt: number;
  tierCode: string | null;
};

/**
 * The accounts of these customers, each created (empty) when new, locked until the transaction
 * ends in customer id order, so two writers of the same accounts queue instead of deadlocking.
 */
export async function lockAccounts(
  tx: Executor,
  orgId: string,
  customerIds: readonly string[],
  now: Date,
): Promise<Map<string, LockedAccount>> {
  const ids = [...new Set(customerIds)].sort();
  if (!ids.length) return new Map();
  await tx.execute(sql`
    insert into loyalty_accounts (org_id, customer_id, created_at, updated_at)
    select ${orgId}::uuid, c, ${now}::timestamptz, ${now}::timestamptz
      from unnest(${textArray(ids)}::uuid[]) as c
        on conflict do nothing`);
  const rows = rowsOf<{
    customer_id: string;
    balance: string;
    earned_total: string;
    debt: string;
    tier_code: string | null;
  }>(
    await tx.execute(sql`
      select customer_id, balance, earned_total, debt, tier_code from loyalty_accounts
       where org_id = ${orgId}::uuid and customer_id = any(${textArray(ids)}::uuid[])
       order by customer_id
         for no key update`),
  );
  return new Map(
    rows.map((r) => [
      r.customer_id,
      {
        customerId: r.customer_id,
        balance: Number(r.balance),
        earnedTotal: Number(r.earned_total),
        debt: Number(r.debt),
        tierCode: r.tier_code,
      },
    ]),
  );
}

/** The balance (0 for a customer without an account). */
export async function readBalance(tx: Executor, orgId: string, customerId: string): Promise<number> {
  const [row] = rowsOf<{ balance: string }>(
    await tx.execute(
      sql`select balance from loyalty_accounts where org_id = ${orgId}::uuid and customer_id = ${customerId}::uuid`,
    ),
  );
  return row ? Number(row.balance) : 0;
}

export type LotWithOwner = OpenLot & { customerId: string };

/** The customers' lots with points left, locked (the caller holds their accounts already). */
export async function lockOpenLots(
  tx: Executor,
  orgId: string,
  customerIds: readonly string[],
): Promise<LotWithOwner[]> {
  if (!customerIds.length) return [];
  const rows = rowsOf<{
    id: string;
    customer_id: string;
    remaining: string;
    earned_at: string | Date;
    expires_at: string | Date | null;
    locked_until: string | Date | null;
  }>(
    await tx.execute(sql`
      select id, customer_id, remaining, earned_at, expires_at, locked_until from loyalty_lots
       where org_id = ${orgId}::uuid and customer_id = any(${textArray([...new Set(customerIds)])}::uuid[])
         and remaining > 0
       order by customer_id, expires_at nulls last, earned_at, id
         for update`),
  );
  return rows.map(lotOf);
}

/** These lots (any customer), locked. */
export async function lockLots(
  tx: Executor,
  orgId: string,
  lotIds: readonly string[],
): Promise<LotWithOwner[]> {
  if (!lotIds.length) return [];
  const rows = rowsOf<Parameters<typeof lotOf>[0]>(
    await tx.execute(sql`
      select id, customer_id, remaining, earned_at, expires_at, locked_until from loyalty_lots
       where org_id = ${orgId}::uuid and id = any(${textArray([...new Set(lotIds)])}::uuid[])
       order by id
         for update`),
  );
  return rows.map(lotOf);
}

const toDate = (v: string | Date) => (v instanceof Date ? v : new Date(v));
function lotOf(r: {
  id: string;
  customer_id: string;
  remaining: string;
  earned_at: string | Date;
  expires_at: string | Date | null;
  locked_until: string | Date | null;
}): LotWithOwner {
  return {
    id: r.id,
    customerId: r.customer_id,
    remaining: Number(r.remaining),
    earnedAt: toDate(r.earned_at),
    expiresAt: r.expires_at === null ? null : toDate(r.expires_at),
    lockedUntil: r.locked_until === null ? null : toDate(r.locked_until),
  };
}

/** A new entry, its id chosen by the caller (so its lots and links can name it in the same batch). */
export type NewEntry = {
  id: string;
  customerId: string;
  kind: EntryKind;
  points: number;
  debtPoints: number;
  reason: string;
  sourceKind: string;
  sourceId: string | null;
  userId: string | null;
  amountMinor: number | null;
  reversesEntryId: string | null;
  occurredAt: Date;
};

export type NewLot = {
  id: string;
  customerId: string;
  entryId: string;
  amount: number;
  remaining: number;
  earnedAt: Date;
  expiresAt: Date | null;
  lockedUntil: Date | null;
};

export type NewLink = { entryId: string; lotId: string; points: number };

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * Inserts entries in one statement. With `onceBySource`, an entry whose (source kind, source id,
 * kind) of an event is stored already is skipped: the ids of those inserted come back.
 */
export async function insertEntries(
  tx: Executor,
  orgId: string,
  entries: readonly NewEntry[],
  now: Date,
  { onceBySource = false } = {},
): Promise<Set<string>> {
  if (!entries.length) return new Set();
  const col = <K extends keyof NewEntry>(k: K) => entries.map((e) => e[k]);
  const conflict = onceBySource
    ? sql`on conflict (org_id, source_kind, source_id, kind) where source_kind = 'event' do nothing`
    : sql``;
  const rows = rowsOf<{ id: string }>(
    await tx.execute(sql`
      insert into loyalty_entries (org_id, id, customer_id, kind, points, debt_points, reason, source_kind,
                                   source_id, user_id, amount_minor, reverses_entry_id, occurred_at, created_at)
      select ${orgId}::uuid, id, customer_id, kind, points, debt_points, reason, source_kind,
             source_id, user_id, amount_minor, reverses_entry_id, occurred_at, ${now}::timestamptz
        from unnest(${textArray(col('id'))}::uuid[], ${textArray(col('customerId'))}::uuid[],
                    ${textArray(col('kind'))}::text[], ${numberArray(col('points'))}::bigint[],
                    ${numberArray(col('debtPoints'))}::bigint[], ${textArray(col('reason'))}::text[],
                    ${textArray(col('sourceKind'))}::text[], ${textArray(col('sourceId'))}::text[],
                    ${textArray(col('userId'))}::uuid[], ${numberArray(col('amountMinor'))}::bigint[],
                    ${textArray(col('reversesEntryId'))}::uuid[],
                    ${textArray(entries.map((e) => e.occurredAt.toISOString()))}::timestamptz[])
          as t(id, customer_id, kind, points, debt_points, reason, source_kind, source_id, user_id,
               amount_minor, reverses_entry_id, occurred_at)
      ${conflict}
      returning id`),
  );
  return new Set(rows.map((r) => r.id));
}

export async function insertLots(tx: Executor, orgId: string, lots: readonly NewLot[]) {
  if (!lots.length) return;
  await tx.execute(sql`
    insert into loyalty_lots (org_id, id, customer_id, entry_id, amount, remaining, earned_at, expires_at, locked_until)
    select ${orgId}::uuid, * from unnest(
      ${textArray(lots.map((l) => l.id))}::uuid[], ${textArray(lots.map((l) => l.customerId))}::uuid[],
      ${textArray(lots.map((l) => l.entryId))}::uuid[], ${numberArray(lots.map((l) => l.amount))}::bigint[],
      ${numberArray(lots.map((l) => l.remaining))}::bigint[],
      ${textArray(lots.map((l) => iso(l.earnedAt)))}::timestamptz[],
      ${textArray(lots.map((l) => iso(l.expiresAt)))}::timestamptz[],
      ${textArray(lots.map((l) => iso(l.lockedUntil)))}::timestamptz[])`);
}

export async function insertLinks(tx: Executor, orgId: string, links: readonly NewLink[]) {
  const real = links.filter((l) => l.points !== 0);
  if (!real.length) return;
  await tx.execute(sql`
    insert into loyalty_entry_lots (org_id, entry_id, lot_id, points)
    select ${orgId}::uuid, * from unnest(
      ${textArray(real.map((l) => l.entryId))}::uuid[], ${textArray(real.map((l) => l.lotId))}::uuid[],
      ${numberArray(real.map((l) => l.points))}::bigint[])`);
}

/** Moves what is left of lots by the links' points (the caller holds the lots locked). */
export async function moveLots(tx: Executor, orgId: string, links: readonly NewLink[]) {
  const byLot = new Map<string, number>();
  for (const l of links) byLot.set(l.lotId, (byLot.get(l.lotId) ?? 0) + l.points);
  const moves = [...byLot].filter(([, d]) => d !== 0).sort(([a], [b]) => (a < b ? -1 : 1));
  if (!moves.length) return;
  await tx.execute(sql`
    update loyalty_lots l set remaining = l.remaining + d.delta
      from unnest(${textArray(moves.map(([id]) => id))}::uuid[], ${numberArray(moves.map(([, d]) => d))}::bigint[])
        as d(id, delta)
     where l.org_id = ${orgId}::uuid and l.id = d.id`);
}

export type AccountMove = { customerId: string; balance: number; earned: number; debt: number };

/** Adds to accounts' balance, earned total and debt (the caller holds them locked). */
export async function moveAccounts(tx: Executor, orgId: string, moves: readonly AccountMove[], now: Date) {
  const real = moves.filter((m) => m.balance || m.earned || m.debt);
  if (!real.length) return;
  await tx.execute(sql`
    update loyalty_accounts a
       set balance = a.balance + d.balance, earned_total = a.earned_total + d.earned, debt = a.debt + d.debt,
           updated_at = ${now}::timestamptz
      from unnest(${textArray(real.map((m) => m.customerId))}::uuid[], ${numberArray(real.map((m) => m.balance))}::bigint[],
                  ${numberArray(real.map((m) => m.earned))}::bigint[], ${numberArray(real.map((m) => m.debt))}::bigint[])
        as d(customer_id, balance, earned, debt)
     where a.org_id = ${orgId}::uuid and a.customer_id = d.customer_id`);
}

export type StoredEntry = typeof loyaltyEntries.$inferSelect;

export async function findEntry(tx: Executor, orgId: string, id: string): Promise<StoredEntry | undefined> {
  const [row] = await tx
    .select()
    .from(loyaltyEntries)
    .where(and(eq(loyaltyEntries.orgId, orgId), eq(loyaltyEntries.id, id)));
  return row;
}

/** The restore entry of a spend, if it has one. */
export async function findRestoreOf(
  tx: Executor,
  orgId: string,
  spendId: string,
): Promise<string | undefined> {
  const [row] = rowsOf<{ id: string }>(
    await tx.execute(sql`
      select id from loyalty_entries
       where org_id = ${orgId}::uuid and reverses_entry_id = ${spendId}::uuid and kind = 'restore'`),
  );
  return row?.id;
}

/** The lots an entry touched and by how much (signed). */
export async function linksOf(tx: Executor, orgId: string, entryId: string): Promise<NewLink[]> {
  const rows = rowsOf<{ lot_id: string; points: string }>(
    await tx.execute(sql`
      select lot_id, points from loyalty_entry_lots
       where org_id = ${orgId}::uuid and entry_id = ${entryId}::uuid order by lot_id`),
  );
  return rows.map((r) => ({ entryId, lotId: r.lot_id, points: Number(r.points) }));
}

/** Of these event ids, those that already have an entry of the kind: `${kind}/${eventId}`. */
export async function eventEntriesStored(
  tx: Executor,
  orgId: string,
  eventIds: readonly string[],
): Promise<Set<string>> {
  if (!eventIds.length) return new Set();
  const rows = rowsOf<{ source_id: string; kind: string }>(
    await tx.execute(sql`
      select source_id, kind from loyalty_entries
       where org_id = ${orgId}::uuid and source_kind = 'event'
         and source_id = any(${textArray([...new Set(eventIds)])}::text[])`),
  );
  return new Set(rows.map((r) => `${r.kind}/${r.source_id}`));
}

/** What a purchase earned, as its refund reads it: the entry, its lot, what was reversed and expired of it. */
export type PurchaseEarn = {
  entryId: string;
  eventId: string;
  customerId: string;
  points: number;
  amountMinor: number | null;
  lotId: string | null;
  reversed: number;
  expired: number;
};

export async function purchaseEarns(
  tx: Executor,
  orgId: string,
  purchaseIds: readonly string[],
): Promise<PurchaseEarn[]> {
  if (!purchaseIds.length) return [];
  const rows = rowsOf<{
    id: string;
    source_id: string;
    customer_id: string;
    points: string;
    amount_minor: string | null;
    lot_id: string | null;
    reversed: string;
    expired: string;
  }>(
    await tx.execute(sql`
      select e.id, e.source_id, e.customer_id, e.points, e.amount_minor, l.id as lot_id,
             coalesce((select -sum(r.points) from loyalty_entries r
                        where r.org_id = e.org_id and r.reverses_entry_id = e.id and r.kind = 'refund'), 0) as reversed,
             coalesce((select -sum(el.points) from loyalty_entry_lots el
                         join loyalty_entries x on x.org_id = el.org_id and x.id = el.entry_id and x.kind = 'expire'
                        where el.org_id = e.org_id and el.lot_id = l.id), 0) as expired
        from loyalty_entries e
        left join loyalty_lots l on l.org_id = e.org_id and l.entry_id = e.id
       where e.org_id = ${orgId}::uuid and e.source_kind = 'event' and e.kind = 'earn'
         and e.source_id = any(${textArray([...new Set(purchaseIds)])}::text[])`),
  );
  return rows.map((r) => ({
    entryId: r.id,
    eventId: r.source_id,
    customerId: r.customer_id,
    points: Number(r.points),
    amountMinor: r.amount_minor === null ? null : Number(r.amount_minor),
    lotId: r.lot_id,
    reversed: Number(r.reversed),
    expired: Number(r.expired),
  }));
}
