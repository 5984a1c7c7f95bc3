import { type PageQuery, pageByCreation } from '../../../http/pagination';
import type { AppContext } from '../../../http/types';
import { AppError, notFound } from '../../../lib/errors';
import * as repo from '../data/repo-canned';

export type { CannedReplyInput } from '../data/repo-canned';

const taken = (name: string) =>
  new AppError('conflict', `name: a canned reply named "${name}" already exists`);

/** The organization's canned replies, in the order they were written. */
export const listCannedReplies = (ctx: AppContext, orgId: string, page: PageQuery) =>
  pageByCreation(page, (limit, position) =>
    ctx.db.withOrg(orgId, (tx) => repo.pageCannedReplies(tx, orgId, limit, position)),
  );

export function createCannedReply(ctx: AppContext, orgId: string, input: repo.CannedReplyInput) {
  return ctx.db.withOrg(orgId, async (tx) => {
    const row = await repo.insertCannedReply(tx, orgId, input, ctx.clock.now());
    if (!row) throw taken(input.name);
    return row;
  });
}

export function changeCannedReply(
  ctx: AppContext,
  orgId: string,
  id: string,
  patch: Partial<repo.CannedReplyInput>,
) {
  return ctx.db.withOrg(orgId, async (tx) => {
    if (!(await repo.findCannedReply(tx, orgId, id))) throw notFound('canned reply');
    const clash = patch.name ? await repo.findCannedReplyByName(tx, orgId, patch.name) : undefined;
    if (clash && clash.id !== id) throw taken(patch.name!);
    return repo.updateCannedReply(tx, orgId, id, patch, ctx.clock.now());
  });
}

export async function removeCannedReply(ctx: AppContext, orgId: string, id: string) {
  const done = await ctx.db.withOrg(orgId, (tx) => repo.deleteCannedReply(tx, orgId, id));
  if (!done) throw notFound('canned reply');
}
