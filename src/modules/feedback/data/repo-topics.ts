import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/database';
import type { TopicKeywords } from '../domain/tag-answers';
import { feedbackTopics } from './tables';

export type { TopicKeywords };

export type TopicRow = {
  id: string;
  key: string;
  name: Record<string, string>;
  keywords: TopicKeywords;
  createdAt: Date;
  updatedAt: Date;
};

const columns = {
  id: feedbackTopics.id,
  key: feedbackTopics.key,
  name: feedbackTopics.name,
  keywords: feedbackTopics.keywords,
  createdAt: feedbackTopics.createdAt,
  updatedAt: feedbackTopics.updatedAt,
};

/** The whole taxonomy, for tagging; organizations keep it to a few hundred topics. */
export async function listAllTopics(tx: Executor, orgId: string): Promise<TopicRow[]> {
  return tx
    .select(columns)
    .from(feedbackTopics)
    .where(eq(feedbackTopics.orgId, orgId))
    .orderBy(asc(feedbackTopics.key))
    .limit(10_000);
}

export async function listTopicsPage(
  tx: Executor,
  orgId: string,
  afterKey: string | undefined,
  limit: number,
): Promise<TopicRow[]> {
  return tx
    .select(columns)
    .from(feedbackTopics)
    .where(and(eq(feedbackTopics.orgId, orgId), afterKey ? gt(feedbackTopics.key, afterKey) : undefined))
    .orderBy(asc(feedbackTopics.key))
    .limit(limit + 1);
}

export async function findTopic(tx: Executor, orgId: string, id: string): Promise<TopicRow | undefined> {
  const [row] = await tx
    .select(columns)
    .from(feedbackTopics)
    .where(and(eq(feedbackTopics.orgId, orgId), eq(feedbackTopics.id, id)));
  return row;
}

/** Inserts a topic; undefined when its key is taken. */
export async function insertTopic(
  tx: Executor,
  orgId: string,
  t: { key: string; name: Record<string, string>; keywords: TopicKeywords },
): Promise<TopicRow | undefined> {
  const [row] = await tx
    .insert(feedbackTopics)
    .values({ orgId, ...t })
    .onConflictDoNothing()
    .returning(columns);
  return row;
}

export async function updateTopic(
  tx: Executor,
  orgId: string,
  id: string,
  patch: Partial<{ key: string; name: Record<string, string>; keywords: TopicKeywords }>,
): Promise<TopicRow | undefined> {
  const [row] = await tx
    .update(feedbackTopics)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(and(eq(feedbackTopics.orgId, orgId), eq(feedbackTopics.id, id)))
    .returning(columns);
  return row;
}

export async function findTopicIdByKey(
  tx: Executor,
  orgId: string,
  key: string,
): Promise<string | undefined> {
  const [row] = await tx
    .select({ id: feedbackTopics.id })
    .from(feedbackTopics)
    .where(and(eq(feedbackTopics.orgId, orgId), eq(feedbackTopics.key, key)));
  return row?.id;
}

export async function deleteTopic(tx: Executor, orgId: string, id: string): Promise<boolean> {
  const rows = await tx
    .delete(feedbackTopics)
    .where(and(eq(feedbackTopics.orgId, orgId), eq(feedbackTopics.id, id)))
    .returning({ id: feedbackTopics.id });
  return rows.length > 0;
}
