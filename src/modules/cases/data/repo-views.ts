import { and, eq, isNull, or } from 'drizzle-orm';
import type { Executor } from '../../../db/database';
import { after, byCreation } from '../../../db/keyset';
import { caseViews } from './tables';

export type CaseViewRow = typeof caseViews.$inferSelect;
export type CaseViewInput = { name: string; filters: Record<string, unknown>; shared: boolean };

const viewColumns = {
  id: caseViews.id,
  userId: caseViews.userId,
  name: caseViews.name,
  filters: caseViews.filters,
  shared: caseViews.shared,
  createdAt: caseViews.createdAt,
  updatedAt: caseViews.updatedAt,
};

/** What `userId` may see: their own views and every shared one (an API key, no user: the shared ones). */
const visibleTo = (userId: string | null) =>
  userId ? or(eq(caseViews.userId, userId), eq(caseViews.shared, true)) : eq(caseViews.shared, true);

export async function pageViews(
  tx: Executor,
  orgId: string,
  userId: string | null,
  limit: number,
  position?: readonly unknown[],
) {
  return tx
    .select(viewColumns)
    .from(caseViews)
    .where(and(eq(caseViews.orgId, orgId), visibleTo(userId), after(byCreation(caseViews), position)))
    .orderBy(...byCreation(caseViews))
    .limit(limit + 1);
}

export async function findView(tx: Executor, orgId: string, id: string) {
  const [row] = await tx
    .select(viewColumns)
    .from(caseViews)
    .where(and(eq(caseViews.orgId, orgId), eq(caseViews.id, id)));
  return row;
}

/** The view of this owner (or of no user) with this name, if any: names are unique per owner. */
export async function findViewByName(tx: Executor, orgId: string, userId: string | null, name: string) {
  const [row] = await tx
    .select(viewColumns)
    .from(caseViews)
    .where(
      and(
        eq(caseViews.orgId, orgId),
        userId ? eq(caseViews.userId, userId) : isNull(caseViews.userId),
        eq(caseViews.name, name),
      ),
    );
  return row;
}

export async function insertView(
  tx: Executor,
  orgId: string,
  userId: string | null,
  input: CaseViewInput,
  now: Date,
) {
  const [row] = await tx
    .insert(caseViews)
    .values({ orgId, userId, ...input, createdAt: now, updatedAt: now })
    .returning(viewColumns);
  return row;
}

export async function updateView(
  tx: Executor,
  orgId: string,
  id: string,
  patch: Partial<CaseViewInput>,
  now: Date,
) {
  const [row] = await tx
    .update(caseViews)
    .set({ ...patch, updatedAt: now })
    .where(and(eq(caseViews.orgId, orgId), eq(caseViews.id, id)))
    .returning(viewColumns);
  return row;
}

export async function deleteView(tx: Executor, orgId: string, id: string) {
  await tx.delete(caseViews).where(and(eq(caseViews.orgId, orgId), eq(caseViews.id, id)));
}
