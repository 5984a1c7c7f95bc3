/** Queries of referrals: settings, codes and their visits, referrals by referrer and referred, and those due a reward. */
import { and, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '../../../db/database';
import { before, toMilliseconds } from '../../../db/keyset';
import type { ReferralStatus } from '../domain/referral-guards';
import { loyaltyReferralCodes, loyaltyReferralSettings, loyaltyReferrals } from './tables-referrals';

export type ReferralRow = typeof loyaltyReferrals.$inferSelect;
export type ReferralSettingsRow = Omit<typeof loyaltyReferralSettings.$inferSelect, 'orgId' | 'updatedAt'>;

/** The defaults of an organization that never changed its referral settings (as the migration's). */
export const REFERRAL_DEFAULTS: ReferralSettingsRow = {
  qualifyingDays: 30,
  referrerPoints: 500,
  referredPoints: 250,
  capCount: 10,
  capDays: 365,
  newCustomerDays: 30,
  landingUrl: null,
};

export async function findReferralSettings(tx: Executor, orgId: string): Promise<ReferralSettingsRow> {
  const [row] = await tx
    .select()
    .from(loyaltyReferralSettings)
    .where(eq(loyaltyReferralSettings.orgId, orgId));
  if (!row) return REFERRAL_DEFAULTS;
  const { orgId: _o, updatedAt: _u, ...settings } = row;
  return settings;
}

export async function saveReferralSettings(tx: Executor, orgId: string, s: ReferralSettingsRow, now: Date) {
  await tx
    .insert(loyaltyReferralSettings)
    .values({ ...s, orgId, updatedAt: now })
    .onConflictDoUpdate({ target: loyaltyReferralSettings.orgId, set: { ...s, updatedAt: now } });
}

export async function findCodeOf(tx: Executor, orgId: string, customerId: string) {
  const [row] = await tx
    .select({ code: loyaltyReferralCodes.code, visits: loyaltyReferralCodes.visits })
    .from(loyaltyReferralCodes)
    .where(and(eq(loyaltyReferralCodes.orgId, orgId), eq(loyaltyReferralCodes.customerId, customerId)));
  return row;
}

/** Stores the customer's code; false when the code is taken (or the customer got one meanwhile). */
export async function insertCode(tx: Executor, orgId: string, customerId: string, code: string, now: Date) {
  const rows = await tx
    .insert(loyaltyReferralCodes)
    .values({ orgId, customerId, code, createdAt: now })
    .onConflictDoNothing()
    .returning({ code: loyaltyReferralCodes.code });
  return rows.length > 0;
}

/** The customers whose codes these are, by code. */
export async function ownersOfCodes(tx: Executor, orgId: string, codes: readonly string[]) {
  if (!codes.length) return new Map<string, string>();
  const rows = await tx
    .select({ code: loyaltyReferralCodes.code, customerId: loyaltyReferralCodes.customerId })
    .from(loyaltyReferralCodes)
    .where(and(eq(loyaltyReferralCodes.orgId, orgId), inArray(loyaltyReferralCodes.code, [...codes])));
  return new Map(rows.map((r) => [r.code, r.customerId]));
}

/** Counts a visit of the code's link; false when no customer has that code. */
export async function recordVisit(tx: Executor, orgId: string, code: string, now: Date) {
  const rows = await tx
    .update(loyaltyReferralCodes)
    .set({ visits: sql`${loyaltyReferralCodes.visits} + 1`, lastVisitAt: now })
    .where(and(eq(loyaltyReferralCodes.orgId, orgId), eq(loyaltyReferralCodes.code, code)))
    .returning({ customerId: loyaltyReferralCodes.customerId });
  return rows.length > 0;
}

/** The organization a code belongs to, across organizations (the public link names only the code). */
export async function orgsOfCode(tx: Executor, code: string) {
  const rows = await tx
    .select({ orgId: loyaltyReferralCodes.orgId })
    .from(loyaltyReferralCodes)
    .where(eq(loyaltyReferralCodes.code, code))
    .limit(2);
  return rows.map((r) => r.orgId);
}

/** Whether the organization uses referrals at all: some customer has a code. */
export async function usesReferrals(tx: Executor, orgId: string) {
  const rows = await tx
    .select({ one: sql<number>`1` })
    .from(loyaltyReferralCodes)
    .where(eq(loyaltyReferralCodes.orgId, orgId))
    .limit(1);
  return rows.length > 0;
}

export type NewReferral = Omit<typeof loyaltyReferrals.$inferInsert, 'orgId' | 'id'>;

/** Stores a referral; undefined when the referred customer already has a referral that is not refused. */
export async function insertReferral(tx: Executor, orgId: string, row: NewReferral) {
  const [inserted] = await tx
    .insert(loyaltyReferrals)
    .values({ ...row, orgId })
    .onConflictDoNothing()
    .returning();
  return inserted as ReferralRow | undefined;
}

/** The referral of each of these customers that is not refused (one at most each), by referred id. */
export async function referralsOfReferred(tx: Executor, orgId: string, customerIds: readonly string[]) {
  if (!customerIds.length) return new Map<string, ReferralRow>();
  const rows = await tx
    .select()
    .from(loyaltyReferrals)
    .where(
      and(
        eq(loyaltyReferrals.orgId, orgId),
        inArray(loyaltyReferrals.referredId, [...customerIds]),
        sql`${loyaltyReferrals.status} <> 'refused'`,
      ),
    );
  return new Map(rows.map((r) => [r.referredId, r]));
}

/** Pending referrals get their first purchase: attributed, qualifying at `qualifies_at`. */
export async function attributePurchases(
  tx: Executor,
  orgId: string,
  rows: { id: string; eventId: string; at: Date; minor: number | null; qualifiesAt: Date }[],
) {
  for (const r of rows) {
    await tx
      .update(loyaltyReferrals)
      .set({
        status: 'attributed',
        purchaseEventId: r.eventId,
        purchaseAt: r.at,
        purchaseMinor: r.minor,
        qualifiesAt: r.qualifiesAt,
      })
      .where(and(eq(loyaltyReferrals.orgId, orgId), eq(loyaltyReferrals.id, r.id)));
  }
}

export async function setStatus(
  tx: Executor,
  orgId: string,
  id: string,
  status: ReferralStatus,
  fields: Partial<
    Pick<
      ReferralRow,
      'reason' | 'rewardedAt' | 'referrerPoints' | 'referredPoints' | 'referrerEntryId' | 'referredEntryId'
    >
  > = {},
) {
  await tx
    .update(loyaltyReferrals)
    .set({ status, ...fields })
    .where(and(eq(loyaltyReferrals.orgId, orgId), eq(loyaltyReferrals.id, id)));
}

/** Attributed referrals whose qualifying period is over, locked (a concurrent run skips them). */
export async function lockDueReferrals(tx: Executor, orgId: string, now: Date, limit: number) {
  return tx
    .select()
    .from(loyaltyReferrals)
    .where(
      and(
        eq(loyaltyReferrals.orgId, orgId),
        eq(loyaltyReferrals.status, 'attributed'),
        lte(loyaltyReferrals.qualifiesAt, now),
      ),
    )
    .orderBy(loyaltyReferrals.qualifiesAt, loyaltyReferrals.id)
    .limit(limit)
    .for('update', { skipLocked: true });
}

/** Organizations with referrals due at `now` (across organizations: the daily job's round). */
export async function orgsWithDueReferrals(tx: Executor, now: Date) {
  const rows = await tx.execute(sql`
    select distinct org_id as "orgId" from loyalty_referrals
     where status = 'attributed' and qualifies_at <= ${now.toISOString()}::timestamptz`);
  return rowsOf<{ orgId: string }>(rows).map((r) => r.orgId);
}

/** Referrals the referrer was rewarded for since `since`. */
export async function rewardedSince(tx: Executor, orgId: string, referrerId: string, since: Date) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(loyaltyReferrals)
    .where(
      and(
        eq(loyaltyReferrals.orgId, orgId),
        eq(loyaltyReferrals.referrerId, referrerId),
        eq(loyaltyReferrals.status, 'rewarded'),
        gte(loyaltyReferrals.rewardedAt, since),
      ),
    );
  return row?.n ?? 0;
}

export type ReferralFilter = { status?: ReferralStatus; referrerId?: string; referredId?: string };

/** A newest-first page of referrals before the (claimed at, id) position: `limit + 1` rows. */
export async function pageReferrals(
  tx: Executor,
  orgId: string,
  filter: ReferralFilter,
  limit: number,
  position?: [string, string],
) {
  return tx
    .select()
    .from(loyaltyReferrals)
    .where(
      and(
        eq(loyaltyReferrals.orgId, orgId),
        filter.status ? eq(loyaltyReferrals.status, filter.status) : undefined,
        filter.referrerId ? eq(loyaltyReferrals.referrerId, filter.referrerId) : undefined,
        filter.referredId ? eq(loyaltyReferrals.referredId, filter.referredId) : undefined,
        before([toMilliseconds(loyaltyReferrals.claimedAt), loyaltyReferrals.id], position),
      ),
    )
    .orderBy(desc(toMilliseconds(loyaltyReferrals.claimedAt)), desc(loyaltyReferrals.id))
    .limit(limit + 1);
}

/** Referrals per status, and link visits: the tab's figures. */
export async function referralTotals(tx: Executor, orgId: string) {
  const rows = await tx
    .select({ status: loyaltyReferrals.status, n: sql<number>`count(*)::int` })
    .from(loyaltyReferrals)
    .where(eq(loyaltyReferrals.orgId, orgId))
    .groupBy(loyaltyReferrals.status);
  const [v] = await tx
    .select({
      visits: sql<number>`coalesce(sum(${loyaltyReferralCodes.visits}), 0)::int`,
      codes: sql<number>`count(*)::int`,
    })
    .from(loyaltyReferralCodes)
    .where(eq(loyaltyReferralCodes.orgId, orgId));
  return { byStatus: rows, visits: v?.visits ?? 0, codes: v?.codes ?? 0 };
}

/** Referrals whose purchase is one of these refunded ones, or any open one of a refunding customer. */
export async function openReferralsOf(tx: Executor, orgId: string, referredIds: readonly string[]) {
  if (!referredIds.length) return [];
  return tx
    .select()
    .from(loyaltyReferrals)
    .where(
      and(
        eq(loyaltyReferrals.orgId, orgId),
        inArray(loyaltyReferrals.referredId, [...referredIds]),
        inArray(loyaltyReferrals.status, ['pending', 'attributed']),
      ),
    );
}

/** GDPR erasure: the customer's code (their link no longer names anyone). */
export async function deleteCode(tx: Executor, orgId: string, customerId: string) {
  await tx
    .delete(loyaltyReferralCodes)
    .where(and(eq(loyaltyReferralCodes.orgId, orgId), eq(loyaltyReferralCodes.customerId, customerId)));
}
