/** The rewards catalogue: what customers may redeem their points for, with stock, limits and dates. */
import { decodeCursor, type PageQuery, pageOf } from '../../../http/pagination';
import type { AppContext } from '../../../http/types';
import { AppError, notFound } from '../../../lib/errors';
import * as repo from '../data/repo-rewards';

export type { LoyaltyReward, RewardInput } from '../data/repo-rewards';

const datesInOrder = (r: Pick<repo.RewardInput, 'activeFrom' | 'activeTo'>) => {
  if (r.activeFrom && r.activeTo && r.activeFrom >= r.activeTo)
    throw new AppError('validation', 'activeTo: must be after activeFrom', [
      { field: 'body.activeTo', message: 'must be after activeFrom' },
    ]);
};

/** A page of the catalogue in the order it was built; `active` only those switched on. */
export async function listRewards(ctx: AppContext, orgId: string, query: PageQuery & { active?: boolean }) {
  const position = decodeCursor(query.cursor, ['instant', 'uuid']);
  return ctx.db.withOrg(orgId, async (tx) => {
    const rows = await repo.pageRewards(tx, orgId, query.limit, position, query.active === true);
    return pageOf(rows, query.limit, (r) => [r.createdAt.toISOString(), r.id]);
  });
}

export async function createReward(ctx: AppContext, orgId: string, input: repo.RewardInput) {
  datesInOrder(input);
  return ctx.db.withOrg(orgId, (tx) => repo.insertReward(tx, orgId, input, ctx.clock.now()));
}

export async function findRewardView(ctx: AppContext, orgId: string, id: string) {
  const reward = await ctx.db.withOrg(orgId, (tx) => repo.findReward(tx, orgId, id));
  if (!reward) throw notFound('reward');
  return reward;
}

/** Changes a reward; stock set here replaces what is left (redemptions move it by one each). */
export async function changeReward(
  ctx: AppContext,
  orgId: string,
  id: string,
  patch: Partial<repo.RewardInput>,
) {
  return ctx.db.withOrg(orgId, async (tx) => {
    const before = await repo.findReward(tx, orgId, id, true);
    if (!before) throw notFound('reward');
    datesInOrder({
      activeFrom: patch.activeFrom ?? before.activeFrom,
      activeTo: patch.activeTo ?? before.activeTo,
    });
    return (await repo.updateReward(tx, orgId, id, patch, ctx.clock.now()))!;
  });
}

/** Deletes a reward nobody redeemed; one with redemptions is switched off instead (409 says so). */
export async function removeReward(ctx: AppContext, orgId: string, id: string) {
  await ctx.db.withOrg(orgId, async (tx) => {
    if (!(await repo.findReward(tx, orgId, id, true))) throw notFound('reward');
    if (await repo.isRedeemed(tx, orgId, id))
      throw new AppError('conflict', 'reward: it has redemptions; switch it off (active: false) instead');
    await repo.deleteReward(tx, orgId, id);
  });
}
