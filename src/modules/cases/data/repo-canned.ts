import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/database';
import { after, byCreation } from '../../../db/keyset';
import { cannedReplies } from './tables';

export type CannedReplyInput = { name: string; texts: Record<string, string> };

const cannedColumns = {
  id: cannedReplies.id,
  name: cannedReplies.name,
  texts: cannedReplies.texts,
  createdAt: cannedReplies.createdAt,
  updatedAt: cannedReplies.updatedAt,
};

export async function pageCannedReplies(
  tx: Executor,
  orgId: string,
  limit: number,
  position?: readonly unknown[],
) {
  return tx
    .select(cannedColumns)
    .from(cannedReplies)
    .where(and(eq(cannedReplies.orgId, orgId), after(byCreation(cannedReplies), position)))
    .orderBy(...byCreation(cannedReplies))
    .limit(limit + 1);
}

export async function findCannedReply(tx: Executor, orgId: string, id: string) {
  const [row] = await tx
    .select(cannedColumns)
    .from(cannedReplies)
    .where(and(eq(cannedReplies.orgId, orgId), eq(cannedReplies.id, id)));
  return row;
}

/** Inserts a canned reply; undefined when the name is taken. */
export async function insertCannedReply(tx: Executor, orgId: string, input: CannedReplyInput, now: Date) {
  const [row] = await tx
    .insert(cannedReplies)
    .values({ orgId, ...input, createdAt: now, updatedAt: now })
    .onConflictDoNothing()
    .returning(cannedColumns);
  return row;
}

export async function updateCannedReply(
  tx: Executor,
  orgId: string,
  id: string,
  patch: Partial<CannedReplyInput>,
  now: Date,
) {
  const [row] = await tx
    .update(cannedReplies)
    .set({ ...patch, updatedAt: now })
    .where(and(eq(cannedReplies.orgId, orgId), eq(cannedReplies.id, id)))
    .returning(cannedColumns);
  return row;
}

export async function deleteCannedReply(tx: Executor, orgId: string, id: string) {
  const rows = await tx
    .delete(cannedReplies)
    .where(and(eq(cannedReplies.orgId, orgId), eq(cannedReplies.id, id)))
    .returning({ id: cannedReplies.id });
  return rows.length > 0;
}

export async function findCannedReplyByName(tx: Executor, orgId: string, name: string) {
  const [row] = await tx
    .select({ id: cannedReplies.id })
    .from(cannedReplies)
    .where(and(eq(cannedReplies.orgId, orgId), eq(cannedReplies.name, name)));
  return row;
}
