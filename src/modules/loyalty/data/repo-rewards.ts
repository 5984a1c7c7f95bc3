import { and, count, desc, eq, getTableColumns, gte, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/database';
import { after, before, byCreation, toMilliseconds } from '../../../db/keyset';
import { loyaltyRedemptions, loyaltyRewards } from './tables-rewards';

export type LoyaltyReward = typeof loyaltyRewards.$inferSelect;
export type Redemption = typeof loyaltyRedemptions.$inferSelect;
export type RewardInput = Pick<
  LoyaltyReward,
  | 'name'
  | 'description'
  | 'pointsCost'
  | 'stock'
  | 'perCustomerLimit'
  | 'limitPeriod'
  | 'activeFrom'
  | 'activeTo'
  | 'active'
>;

/** A page of the catalogue in creation order: `limit + 1` rows after the (created at, id) position. */
export async function pageRewards(
  tx: Executor,
  orgId: string,
  limit: number,
  position?: [string, string],
  activeOnly = false,
) {
  return tx
    .select()
    .from(loyaltyRewards)
    .where(
      and(
        eq(loyaltyRewards.orgId, orgId),
        activeOnly ? eq(loyaltyRewards.active, true) : undefined,
        after(byCreation(loyaltyRewards), position && [new Date(position[0]), position[1]]),
      ),
    )
    .orderBy(...byCreation(loyaltyRewards))
    .limit(limit + 1);
}

/** The reward; `lock` holds it until the transaction ends, so redemptions of it take turns. */
export async function findReward(tx: Executor, orgId: string, id: string, lock = false) {
  const query = tx
    .select()
    .from(loyaltyRewards)
    .where(and(eq(loyaltyRewards.orgId, orgId), eq(loyaltyRewards.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  return row as LoyaltyReward | undefined;
}

export async function insertReward(tx: Executor, orgId: string, input: RewardInput, now: Date) {
  const [row] = await tx
    .insert(loyaltyRewards)
    .values({ ...input, orgId, createdAt: now, updatedAt: now })
    .returning();
  return row;
}

export async function updateReward(
  tx: Executor,
  orgId: string,
  id: string,
  patch: Partial<RewardInput>,
  now: Date,
) {
  const [row] = await tx
    .update(loyaltyRewards)
    .set({ ...patch, updatedAt: now })
    .where(and(eq(loyaltyRewards.orgId, orgId), eq(loyaltyRewards.id, id)))
    .returning();
  return row as LoyaltyReward | undefined;
}

/** Whether any redemption names the reward (it is then switched off instead of deleted). */
export async function isRedeemed(tx: Executor, orgId: string, rewardId: string) {
  const [row] = await tx
    .select({ id: loyaltyRedemptions.id })
    .from(loyaltyRedemptions)
    .where(and(eq(loyaltyRedemptions.orgId, orgId), eq(loyaltyRedemptions.rewardId, rewardId)))
    .limit(1);
  return Boolean(row);
}

export async function deleteReward(tx: Executor, orgId: string, id: string) {
  const rows = await tx
    .delete(loyaltyRewards)
    .where(and(eq(loyaltyRewards.orgId, orgId), eq(loyaltyRewards.id, id)))
    .returning({ id: loyaltyRewards.id });
  return rows.length > 0;
}

/** Moves the reward's stock by `delta` (a limited stock only). */
export async function moveStock(tx: Executor, orgId: string, id: string, delta: number) {
  await tx
    .update(loyaltyRewards)
    .set({ stock: sql`${loyaltyRewards.stock} + ${delta}` })
    .where(
      and(
        eq(loyaltyRewards.orgId, orgId),
        eq(loyaltyRewards.id, id),
        sql`${loyaltyRewards.stock} is not null`,
      ),
    );
}

/** Redemptions of the reward by the customer still standing since `since` (every one when null). */
export async function takenSince(
  tx: Executor,
  orgId: string,
  rewardId: string,
  customerId: string,
  since: Date | null,
) {
  const [row] = await tx
    .select({ n: count() })
    .from(loyaltyRedemptions)
    .where(
      and(
        eq(loyaltyRedemptions.orgId, orgId),
        eq(loyaltyRedemptions.rewardId, rewardId),
        eq(loyaltyRedemptions.customerId, customerId),
        eq(loyaltyRedemptions.status, 'redeemed'),
        since ? gte(loyaltyRedemptions.redeemedAt, since) : undefined,
      ),
    );
  return Number(row.n);
}

export async function findRedemptionByKey(tx: Executor, orgId: string, key: string) {
  const [row] = await tx
    .select()
    .from(loyaltyRedemptions)
    .where(and(eq(loyaltyRedemptions.orgId, orgId), eq(loyaltyRedemptions.idempotencyKey, key)));
  return row as Redemption | undefined;
}

export async function findRedemption(tx: Executor, orgId: string, id: string, lock = false) {
  const query = tx
    .select()
    .from(loyaltyRedemptions)
    .where(and(eq(loyaltyRedemptions.orgId, orgId), eq(loyaltyRedemptions.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  return row as Redemption | undefined;
}

export async function insertRedemption(
  tx: Executor,
  orgId: string,
  r: Omit<Redemption, 'orgId' | 'id' | 'status' | 'restoreEntryId' | 'cancelledAt' | 'cancelReason'> & {
    id: string;
  },
) {
  const [row] = await tx
    .insert(loyaltyRedemptions)
    .values({ ...r, orgId, status: 'redeemed' })
    .returning();
  return row;
}

export async function markCancelled(
  tx: Executor,
  orgId: string,
  id: string,
  x: { restoreEntryId: string; reason: string | null; at: Date },
) {
  const [row] = await tx
    .update(loyaltyRedemptions)
    .set({ status: 'cancelled', restoreEntryId: x.restoreEntryId, cancelReason: x.reason, cancelledAt: x.at })
    .where(and(eq(loyaltyRedemptions.orgId, orgId), eq(loyaltyRedemptions.id, id)))
    .returning();
  return row;
}

/** Redemptions newest first, of a customer, of a reward, or all: `limit + 1` before the position. */
export async function pageRedemptions(
  tx: Executor,
  orgId: string,
  filter: { customerId?: string; rewardId?: string; status?: Redemption['status'] },
  limit: number,
  position?: [string, string],
) {
  return tx
    .select({ ...getTableColumns(loyaltyRedemptions), rewardName: loyaltyRewards.name })
    .from(loyaltyRedemptions)
    .leftJoin(
      loyaltyRewards,
      and(
        eq(loyaltyRewards.orgId, loyaltyRedemptions.orgId),
        eq(loyaltyRewards.id, loyaltyRedemptions.rewardId),
      ),
    )
    .where(
      and(
        eq(loyaltyRedemptions.orgId, orgId),
        filter.customerId ? eq(loyaltyRedemptions.customerId, filter.customerId) : undefined,
        filter.rewardId ? eq(loyaltyRedemptions.rewardId, filter.rewardId) : undefined,
        filter.status ? eq(loyaltyRedemptions.status, filter.status) : undefined,
        before(
          [toMilliseconds(loyaltyRedemptions.redeemedAt), loyaltyRedemptions.id],
          position && [new Date(position[0]), position[1]],
        ),
      ),
    )
    .orderBy(desc(toMilliseconds(loyaltyRedemptions.redeemedAt)), desc(loyaltyRedemptions.id))
    .limit(limit + 1);
}

/** Erasure: what a cancellation said about the person goes; the redemption (points, dates) stays. */
export async function blankCancelReasons(tx: Executor, orgId: string, customerId: string) {
  await tx
    .update(loyaltyRedemptions)
    .set({ cancelReason: null })
    .where(and(eq(loyaltyRedemptions.orgId, orgId), eq(loyaltyRedemptions.customerId, customerId)));
}
