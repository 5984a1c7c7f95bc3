import { and, eq, isNull, lte, ne, or } from 'drizzle-orm';
import type { Executor } from '../../../db/database';
import { after, byCreation } from '../../../db/keyset';
import type { Frequency } from '../domain/periods';
import { reportSubscriptions as s } from './tables';

export type SubscriptionRow = {
  id: string;
  userId: string;
  frequency: Frequency;
  nextSendAt: Date;
  lastPeriod: string | null;
  createdAt: Date;
};

const columns = {
  id: s.id,
  userId: s.userId,
  frequency: s.frequency,
  nextSendAt: s.nextSendAt,
  lastPeriod: s.lastPeriod,
  createdAt: s.createdAt,
};

/** Subscribes a user; an existing subscription of the same frequency is kept as it is. */
export async function insertSubscription(
  tx: Executor,
  orgId: string,
  row: { userId: string; frequency: Frequency; nextSendAt: Date; unsubscribeSecret: string },
): Promise<{ row: SubscriptionRow; created: boolean }> {
  const [created] = await tx
    .insert(s)
    .values({ orgId, ...row })
    .onConflictDoNothing()
    .returning(columns);
  if (created) return { row: created, created: true };
  const [existing] = await tx
    .select(columns)
    .from(s)
    .where(and(eq(s.orgId, orgId), eq(s.userId, row.userId), eq(s.frequency, row.frequency)));
  return { row: existing, created: false };
}

export async function listSubscriptionsOfUser(
  tx: Executor,
  orgId: string,
  userId: string,
  limit: number,
  position?: [string, string],
) {
  return tx
    .select(columns)
    .from(s)
    .where(and(eq(s.orgId, orgId), eq(s.userId, userId), after(byCreation(s), position)))
    .orderBy(...byCreation(s))
    .limit(limit + 1);
}

export async function findSubscription(tx: Executor, orgId: string, id: string) {
  const [row] = await tx
    .select({ ...columns, unsubscribeSecret: s.unsubscribeSecret })
    .from(s)
    .where(and(eq(s.orgId, orgId), eq(s.id, id)));
  return row;
}

export async function deleteSubscription(tx: Executor, orgId: string, id: string) {
  const rows = await tx
    .delete(s)
    .where(and(eq(s.orgId, orgId), eq(s.id, id)))
    .returning({ id: s.id });
  return rows.length > 0;
}

/** Subscriptions of every organization due by `now`, locked so that one process takes each. */
export async function lockDueSubscriptions(tx: Executor, now: Date, limit: number) {
  return tx
    .select({ orgId: s.orgId, id: s.id, frequency: s.frequency, nextSendAt: s.nextSendAt })
    .from(s)
    .where(lte(s.nextSendAt, now))
    .orderBy(s.nextSendAt)
    .limit(limit)
    .for('update', { skipLocked: true });
}

export async function setNextSendAt(tx: Executor, orgId: string, id: string, nextSendAt: Date) {
  await tx
    .update(s)
    .set({ nextSendAt })
    .where(and(eq(s.orgId, orgId), eq(s.id, id)));
}

/**
 * Marks the period's digest as sent, unless it already was: true for the one caller that marks
 * it (the row stays locked until its transaction ends, so a concurrent run waits and then finds it).
 */
export async function claimPeriod(tx: Executor, orgId: string, id: string, period: string) {
  const rows = await tx
    .update(s)
    .set({ lastPeriod: period })
    .where(and(eq(s.orgId, orgId), eq(s.id, id), or(isNull(s.lastPeriod), ne(s.lastPeriod, period))))
    .returning({ id: s.id });
  return rows.length > 0;
}
