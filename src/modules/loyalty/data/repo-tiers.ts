import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { textArray } from '../../../db/array-literal';
import { type Executor, rowsOf } from '../../../db/database';
import { after } from '../../../db/keyset';
import { DEFAULT_TIER_SETTINGS, type TierSettings } from '../domain/tiers';
import { loyaltyAccounts } from './tables-ledger';
import {
  loyaltyNotices,
  loyaltyTierChanges,
  loyaltyTierSettings,
  loyaltyTiers,
  type NoticeKind,
} from './tables-tiers';

export type LoyaltyTier = typeof loyaltyTiers.$inferSelect;
export type TierChange = typeof loyaltyTierChanges.$inferSelect;
export type TierInput = Pick<LoyaltyTier, 'code' | 'name' | 'threshold' | 'benefits'>;

const settingsColumns = {
  basis: loyaltyTierSettings.basis,
  windowDays: loyaltyTierSettings.windowDays,
  downgrade: loyaltyTierSettings.downgrade,
  reviewPeriod: loyaltyTierSettings.reviewPeriod,
  downgradeNoticeDays: loyaltyTierSettings.downgradeNoticeDays,
  expiryNoticeDays: loyaltyTierSettings.expiryNoticeDays,
};

/** The organization's tier settings; the defaults until it changed one. */
export async function findTierSettings(tx: Executor, orgId: string): Promise<TierSettings> {
  const [row] = await tx
    .select(settingsColumns)
    .from(loyaltyTierSettings)
    .where(eq(loyaltyTierSettings.orgId, orgId));
  return row ?? { ...DEFAULT_TIER_SETTINGS };
}

export async function saveTierSettings(tx: Executor, orgId: string, settings: TierSettings, now: Date) {
  await tx
    .insert(loyaltyTierSettings)
    .values({ orgId, ...settings, updatedAt: now })
    .onConflictDoUpdate({ target: loyaltyTierSettings.orgId, set: { ...settings, updatedAt: now } });
}

/** Every tier, lowest threshold first; organizations keep a handful. */
export async function listTiers(tx: Executor, orgId: string) {
  return tx
    .select()
    .from(loyaltyTiers)
    .where(eq(loyaltyTiers.orgId, orgId))
    .orderBy(asc(loyaltyTiers.threshold));
}

/** A page of tiers by threshold: `limit + 1` rows after the (threshold, id) position. */
export async function pageTiers(tx: Executor, orgId: string, limit: number, position?: [number, string]) {
  return tx
    .select()
    .from(loyaltyTiers)
    .where(and(eq(loyaltyTiers.orgId, orgId), after([loyaltyTiers.threshold, loyaltyTiers.id], position)))
    .orderBy(asc(loyaltyTiers.threshold), asc(loyaltyTiers.id))
    .limit(limit + 1);
}

export async function findTier(tx: Executor, orgId: string, id: string) {
  const [row] = await tx
    .select()
    .from(loyaltyTiers)
    .where(and(eq(loyaltyTiers.orgId, orgId), eq(loyaltyTiers.id, id)));
  return row as LoyaltyTier | undefined;
}

/** The tier holding this code or this threshold, other than `exceptId`: what a new or changed tier collides with. */
export async function findClash(
  tx: Executor,
  orgId: string,
  x: { code?: string; threshold?: number },
  exceptId?: string,
) {
  const rows = await listTiers(tx, orgId);
  return rows.find(
    (t) =>
      t.id !== exceptId &&
      ((x.code !== undefined && t.code === x.code) ||
        (x.threshold !== undefined && t.threshold === x.threshold)),
  );
}

export async function insertTier(tx: Executor, orgId: string, input: TierInput, now: Date) {
  const [row] = await tx
    .insert(loyaltyTiers)
    .values({ ...input, orgId, createdAt: now, updatedAt: now })
    .returning();
  return row;
}

export async function updateTier(
  tx: Executor,
  orgId: string,
  id: string,
  patch: Partial<TierInput>,
  now: Date,
) {
  const [row] = await tx
    .update(loyaltyTiers)
    .set({ ...patch, updatedAt: now })
    .where(and(eq(loyaltyTiers.orgId, orgId), eq(loyaltyTiers.id, id)))
    .returning();
  return row as LoyaltyTier | undefined;
}

export async function deleteTier(tx: Executor, orgId: string, id: string) {
  const rows = await tx
    .delete(loyaltyTiers)
    .where(and(eq(loyaltyTiers.orgId, orgId), eq(loyaltyTiers.id, id)))
    .returning({ id: loyaltyTiers.id });
  return rows.length > 0;
}

/** A tier code renamed: accounts and the history follow it. */
export async function renameTierCode(tx: Executor, orgId: string, from: string, to: string) {
  await tx
    .update(loyaltyAccounts)
    .set({ tierCode: to })
    .where(and(eq(loyaltyAccounts.orgId, orgId), eq(loyaltyAccounts.tierCode, from)));
}

/** Members per tier code (accounts holding it). */
export async function membersPerTier(tx: Executor, orgId: string) {
  const rows = await tx
    .select({ code: loyaltyAccounts.tierCode, members: sql<number>`count(*)::int` })
    .from(loyaltyAccounts)
    .where(and(eq(loyaltyAccounts.orgId, orgId), sql`${loyaltyAccounts.tierCode} is not null`))
    .groupBy(loyaltyAccounts.tierCode);
  return new Map(rows.map((r) => [r.code as string, Number(r.members)]));
}

export type Holding = { customerId: string; code: string | null; since: Date | null };

/**
 * The tiers held by a page of customers in id order: accounts after `afterId` (every account), or
 * those of `customerIds`.
 */
export async function pageHoldings(
  tx: Executor,
  orgId: string,
  o: { limit: number; afterId?: string; customerIds?: readonly string[] },
): Promise<Holding[]> {
  return tx
    .select({
      customerId: loyaltyAccounts.customerId,
      code: loyaltyAccounts.tierCode,
      since: loyaltyAccounts.tierSince,
    })
    .from(loyaltyAccounts)
    .where(
      and(
        eq(loyaltyAccounts.orgId, orgId),
        o.afterId ? sql`${loyaltyAccounts.customerId} > ${o.afterId}::uuid` : undefined,
        o.customerIds
          ? sql`${loyaltyAccounts.customerId} = any(${textArray(o.customerIds)}::uuid[])`
          : undefined,
      ),
    )
    .orderBy(asc(loyaltyAccounts.customerId))
    .limit(o.limit);
}

/**
 * Points each customer earned in [from, to): earns minus the refunds that reversed them (counted in
 * the window of the earn they reverse). Spends, expiries and restores never count: the balance is
 * not the qualification.
 */
export async function earnedInWindow(
  tx: Executor,
  orgId: string,
  from: Date,
  to: Date,
  customerIds: readonly string[],
): Promise<Map<string, number>> {
  if (!customerIds.length) return new Map();
  const ids = textArray(customerIds);
  const rows = rowsOf<{ c: string; earned: string }>(
    await tx.execute(sql`
      with earns as (
        select id, customer_id, points from loyalty_entries
         where org_id = ${orgId}::uuid and kind = 'earn' and customer_id = any(${ids}::uuid[])
           and occurred_at >= ${from}::timestamptz and occurred_at < ${to}::timestamptz),
      refunds as (
        select reverses_entry_id as id, sum(points) as points from loyalty_entries
         where org_id = ${orgId}::uuid and kind = 'refund' and customer_id = any(${ids}::uuid[])
           and reverses_entry_id is not null
         group by reverses_entry_id)
      select e.customer_id::text as c, sum(e.points + coalesce(r.points, 0))::text as earned
        from earns e left join refunds r on r.id = e.id
       group by e.customer_id`),
  );
  return new Map(rows.map((r) => [r.c, Number(r.earned)]));
}

/** Accounts for customers who have none (a tier by spend needs no points to hold one). */
export async function ensureAccounts(tx: Executor, orgId: string, customerIds: readonly string[], now: Date) {
  if (!customerIds.length) return;
  await tx.execute(sql`
    insert into loyalty_accounts (org_id, customer_id, created_at, updated_at)
    select ${orgId}::uuid, c, ${now}::timestamptz, ${now}::timestamptz
      from unnest(${textArray(customerIds)}::uuid[]) as c
    on conflict do nothing`);
}

export type TierWrite = {
  customerId: string;
  from: string | null;
  to: string | null;
  direction: 'up' | 'down';
  qualification: number;
};

/** Sets the tiers of many customers and records each change in their history: two statements. */
export async function writeTierChanges(
  tx: Executor,
  orgId: string,
  changes: readonly TierWrite[],
  now: Date,
) {
  if (!changes.length) return;
  await tx.execute(sql`
    update loyalty_accounts a
       set tier_code = c.code, tier_since = ${now}::timestamptz, updated_at = ${now}::timestamptz
      from unnest(${textArray(changes.map((c) => c.customerId))}::uuid[],
                  ${textArray(changes.map((c) => c.to))}::text[]) as c(customer_id, code)
     where a.org_id = ${orgId}::uuid and a.customer_id = c.customer_id`);
  await tx.insert(loyaltyTierChanges).values(
    changes.map((c) => ({
      orgId,
      customerId: c.customerId,
      fromCode: c.from,
      toCode: c.to,
      direction: c.direction,
      qualification: c.qualification,
      changedAt: now,
    })),
  );
}

/** A customer's tier changes, newest first. */
export async function tierHistory(tx: Executor, orgId: string, customerId: string, limit = 50) {
  return tx
    .select({
      id: loyaltyTierChanges.id,
      fromCode: loyaltyTierChanges.fromCode,
      toCode: loyaltyTierChanges.toCode,
      direction: loyaltyTierChanges.direction,
      qualification: loyaltyTierChanges.qualification,
      changedAt: loyaltyTierChanges.changedAt,
    })
    .from(loyaltyTierChanges)
    .where(and(eq(loyaltyTierChanges.orgId, orgId), eq(loyaltyTierChanges.customerId, customerId)))
    .orderBy(desc(loyaltyTierChanges.changedAt))
    .limit(limit);
}

export async function findHolding(tx: Executor, orgId: string, customerId: string) {
  const [row] = await pageHoldings(tx, orgId, { limit: 1, customerIds: [customerId] });
  return row as Holding | undefined;
}

/**
 * Records notices not sent before; answers those that are new (the others were sent by an earlier
 * run and are left alone).
 */
export async function claimNotices(
  tx: Executor,
  orgId: string,
  kind: NoticeKind,
  notices: readonly { customerId: string; ref: string }[],
  now: Date,
) {
  if (!notices.length) return [];
  return tx
    .insert(loyaltyNotices)
    .values(notices.map((n) => ({ orgId, kind, customerId: n.customerId, ref: n.ref, sentAt: now })))
    .onConflictDoNothing()
    .returning({ customerId: loyaltyNotices.customerId, ref: loyaltyNotices.ref });
}

export type ExpiringLot = { customerId: string; lotId: string; remaining: number; expiresAt: Date };

/**
 * Lots with points left that expire in (now, until] of the next `limit` customers after
 * `afterCustomerId` who have any, in customer order: a customer's lots are never split across pages.
 */
export async function expiringLots(
  tx: Executor,
  orgId: string,
  now: Date,
  until: Date,
  limit: number,
  afterCustomerId?: string,
): Promise<ExpiringLot[]> {
  const expiring = sql`org_id = ${orgId}::uuid and remaining > 0 and expires_at is not null
         and expires_at > ${now}::timestamptz and expires_at <= ${until}::timestamptz`;
  const rows = rowsOf<{ customerId: string; lotId: string; remaining: string; expiresAt: string | Date }>(
    await tx.execute(sql`
      with cs as (
        select distinct customer_id from loyalty_lots
         where ${expiring} ${afterCustomerId ? sql`and customer_id > ${afterCustomerId}::uuid` : sql``}
         order by customer_id limit ${limit})
      select l.customer_id::text as "customerId", l.id::text as "lotId", l.remaining::text as remaining,
             l.expires_at as "expiresAt"
        from loyalty_lots l join cs on cs.customer_id = l.customer_id
       where l.org_id = ${orgId}::uuid and l.remaining > 0 and l.expires_at is not null
         and l.expires_at > ${now}::timestamptz and l.expires_at <= ${until}::timestamptz
       order by l.customer_id, l.expires_at, l.id`),
  );
  return rows.map((r) => ({ ...r, remaining: Number(r.remaining), expiresAt: new Date(r.expiresAt) }));
}

/** Erasure: the customer's notices go; the tier history holds no personal data and stays. */
export async function deleteNotices(tx: Executor, orgId: string, customerId: string) {
  await tx
    .delete(loyaltyNotices)
    .where(and(eq(loyaltyNotices.orgId, orgId), eq(loyaltyNotices.customerId, customerId)));
}

/** The balances of these customers' accounts. */
export async function balancesOf(tx: Executor, orgId: string, customerIds: readonly string[]) {
  if (!customerIds.length) return new Map<string, number>();
  const rows = await tx
    .select({ c: loyaltyAccounts.customerId, b: loyaltyAccounts.balance })
    .from(loyaltyAccounts)
    .where(
      and(
        eq(loyaltyAccounts.orgId, orgId),
        sql`${loyaltyAccounts.customerId} = any(${textArray(customerIds)}::uuid[])`,
      ),
    );
  return new Map(rows.map((r) => [r.c, Number(r.b)]));
}

/** Organizations with tiers or an active program: the daily tier run visits them. */
export async function orgsWithTiersOrPrograms(tx: Executor) {
  const rows = rowsOf<{ org_id: string }>(
    await tx.execute(
      sql`select org_id from loyalty_tiers union select org_id from loyalty_programs where active`,
    ),
  );
  return rows.map((r) => r.org_id);
}

/** The notices sent to a customer, oldest first. */
export async function listNotices(tx: Executor, orgId: string, customerId: string) {
  return tx
    .select({ kind: loyaltyNotices.kind, ref: loyaltyNotices.ref, sentAt: loyaltyNotices.sentAt })
    .from(loyaltyNotices)
    .where(and(eq(loyaltyNotices.orgId, orgId), eq(loyaltyNotices.customerId, customerId)))
    .orderBy(asc(loyaltyNotices.sentAt));
}
