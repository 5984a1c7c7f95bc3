import type { Executor } from '../../../db/database';
import { decodeCursor, pageOf } from '../../../http/pagination';
import type { AppContext } from '../../../http/types';
import { defineJob, NO_PAYLOAD } from '../../../jobs/queue';
import { AppError, notFound } from '../../../lib/errors';
import * as repo from '../data/repo-topics';
import { retagAnswers } from './retag-answers';

export const RETAG_JOB = defineJob({
  name: 'feedback.retag-answers',
  scope: 'org',
  payload: NO_PAYLOAD,
  handle: (ctx, _payload, job) => retagAnswers(ctx, job.orgId),
});

export type TopicInput = { key: string; name?: Record<string, string>; keywords: repo.TopicKeywords };

const taken = (key: string) => new AppError('conflict', `key: a topic with key "${key}" already exists`);

/** Every change of the taxonomy re-tags the stored answers in the background. */
const retagLater = (ctx: AppContext, orgId: string, tx: Executor) =>
  ctx.jobs.enqueue(RETAG_JOB, { orgId }, tx);

export async function listTopics(ctx: AppContext, orgId: string, page: { limit: number; cursor?: string }) {
  const afterKey = decodeCursor(page.cursor, ['text'])?.[0];
  const rows = await ctx.db.withOrg(orgId, (tx) => repo.listTopicsPage(tx, orgId, afterKey, page.limit));
  return pageOf(rows, page.limit, (t) => [t.key]);
}

export async function getTopic(ctx: AppContext, orgId: string, id: string) {
  const topic = await ctx.db.withOrg(orgId, (tx) => repo.findTopic(tx, orgId, id));
  if (!topic) throw notFound('topic');
  return topic;
}

export async function createTopic(ctx: AppContext, orgId: string, input: TopicInput) {
  return ctx.db.withOrg(orgId, async (tx) => {
    const topic = await repo.insertTopic(tx, orgId, { ...input, name: input.name ?? {} });
    if (!topic) throw taken(input.key);
    await retagLater(ctx, orgId, tx);
    return topic;
  });
}

export async function updateTopic(ctx: AppContext, orgId: string, id: string, patch: Partial<TopicInput>) {
  return ctx.db.withOrg(orgId, async (tx) => {
    if (patch.key !== undefined) {
      const holder = await repo.findTopicIdByKey(tx, orgId, patch.key);
      if (holder && holder !== id) throw taken(patch.key);
    }
    const topic = await repo.updateTopic(tx, orgId, id, patch);
    if (!topic) throw notFound('topic');
    if (patch.keywords) await retagLater(ctx, orgId, tx);
    return topic;
  });
}

export async function deleteTopic(ctx: AppContext, orgId: string, id: string) {
  await ctx.db.withOrg(orgId, async (tx) => {
    if (!(await repo.deleteTopic(tx, orgId, id))) throw notFound('topic');
    await retagLater(ctx, orgId, tx);
  });
}
