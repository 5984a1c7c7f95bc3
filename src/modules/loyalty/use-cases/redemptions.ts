/**
 * Redemptions: points spent for a reward or for points alone, never overdrawn whatever the
 * concurrency (the ledger's spend locks the account), within the reward's stock and the customer's
 * share per period (the reward row is locked first, so redemptions of one reward take turns); a
 * client's retry with the same Idempotency-Key redeems once. A cancellation gives the points back
 * as a new entry and returns the stock.
 */
import { randomUUID } from 'node:crypto';
import type { Executor } from '../../../db/database';
import { isUniqueViolation } from '../../../db/database';
import { retryOnConflict } from '../../../db/retry';
import { decodeCursor, type PageQuery, pageOf } from '../../../http/pagination';
import type { AppContext } from '../../../http/types';
import { AppError, invalid, notFound } from '../../../lib/errors';
import { localDayOf, startOfLocalDay } from '../../../lib/local-day';
import { findCustomerByExternalId, findCustomers } from '../../customers/api';
import { findOrgLocaleSettings } from '../../orgs/api';
import * as repo from '../data/repo-rewards';
import { limitPeriodStartDay, type RedemptionStatus, type Refusal, rewardRefusal } from '../domain/rewards';
import { balanceOf, restoreSpend, spendPoints } from './ledger';

export type RedeemInput = { customerExternalId: string; points?: number; rewardId?: string };

const REFUSAL_TEXT: Record<Refusal, string> = {
  out_of_stock: 'nothing is left of the reward’s stock',
  limit_reached: 'the customer took as many of this reward as one customer may in the period',
  reward_inactive: 'the reward is not offered now',
};

const refused = (reason: Refusal) =>
  new AppError('conflict', `${reason}: ${REFUSAL_TEXT[reason]}`, [
    { field: 'body.rewardId', message: reason },
  ]);

type RedemptionRow = repo.Redemption & { rewardName?: string | null };

function present(r: RedemptionRow, externalId: string, rewardName: string | null, balance?: number) {
  return {
    id: r.id,
    customerExternalId: externalId,
    rewardId: r.rewardId,
    rewardName,
    points: r.points,
    status: r.status,
    spendEntryId: r.spendEntryId,
    restoreEntryId: r.restoreEntryId,
    redeemedAt: r.redeemedAt,
    cancelledAt: r.cancelledAt,
    cancelReason: r.cancelReason,
    ...(balance === undefined ? {} : { balance }),
  };
}
export type RedemptionView = ReturnType<typeof present>;

async function viewOf(tx: Executor, orgId: string, r: repo.Redemption, withBalance = false) {
  const customer = (await findCustomers(tx, orgId, [r.customerId])).get(r.customerId);
  const reward = r.rewardId ? await repo.findReward(tx, orgId, r.rewardId) : undefined;
  const balance = withBalance ? await balanceOf(tx, orgId, r.customerId) : undefined;
  return present(r, customer?.externalId ?? '', reward?.name ?? null, balance);
}

/**
 * Redeems in one transaction: the reward (if any) locked and checked, the points spent through the
 * ledger (409 `insufficient_points` when the balance does not cover them), the stock taken, the
 * redemption stored and announced as `loyalty.redeemed`.
 */
export async function redeem(
  ctx: AppContext,
  orgId: string,
  input: RedeemInput,
  o: { idempotencyKey?: string; userId?: string | null } = {},
) {
  const key = o.idempotencyKey ?? null;
  try {
    return await retryOnConflict(() =>
      ctx.db.withOrg(orgId, async (tx) => {
        if (key) {
          const done = await repo.findRedemptionByKey(tx, orgId, key);
          if (done) return viewOf(tx, orgId, done, true);
        }
        const customer = await findCustomerByExternalId(tx, orgId, input.customerExternalId);
        if (!customer || customer.erasedAt)
          throw invalid('body.customerExternalId', 'is not a customer of this organization');
        const now = ctx.clock.now();
        let points = input.points;
        let reward: repo.LoyaltyReward | undefined;
        if (input.rewardId) {
          reward = await repo.findReward(tx, orgId, input.rewardId, true);
          if (!reward) throw invalid('body.rewardId', 'is not a reward of this organization');
          if (points !== undefined && points !== reward.pointsCost)
            throw new AppError('unprocessable', `points: the reward costs ${reward.pointsCost} points`, [
              { field: 'body.points', message: `the reward costs ${reward.pointsCost} points` },
            ]);
          points = reward.pointsCost;
          let taken = 0;
          if (reward.perCustomerLimit !== null) {
            const { timeZone } = await findOrgLocaleSettings(tx, orgId);
            const start = limitPeriodStartDay(localDayOf(now, timeZone), reward.limitPeriod);
            taken = await repo.takenSince(
              tx,
              orgId,
              reward.id,
              customer.id,
              start === null ? null : startOfLocalDay(start, timeZone),
            );
          }
          const refusal = rewardRefusal(reward, now, taken);
          if (refusal) throw refused(refusal);
        }
        if (points === undefined) throw invalid('body.points', 'required when no reward is named');
        const id = randomUUID();
        const spent = await spendPoints(ctx, tx, {
          orgId,
          customerId: customer.id,
          points,
          reason: reward ? `Reward: ${reward.name}`.slice(0, 500) : 'Points redeemed',
          source: { kind: 'redemption', id, userId: o.userId ?? undefined },
        });
        if (reward && reward.stock !== null) await repo.moveStock(tx, orgId, reward.id, -1);
        const row = await repo.insertRedemption(tx, orgId, {
          id,
          customerId: customer.id,
          rewardId: reward?.id ?? null,
          points,
          spendEntryId: spent.entryId,
          idempotencyKey: key,
          redeemedBy: o.userId ?? null,
          redeemedAt: now,
        });
        await ctx.bus.emit(tx, 'loyalty.redeemed', {
          orgId,
          redemptionId: id,
          customerId: customer.id,
          externalId: customer.externalId,
          rewardId: row.rewardId,
          points,
          spendEntryId: spent.entryId,
          balance: spent.balance,
          redeemedAt: now,
        });
        return present(row, customer.externalId, reward?.name ?? null, spent.balance);
      }),
    );
  } catch (err) {
    // The same key raced past the HTTP layer's guard: the one that stored it answers.
    if (key && isUniqueViolation(err, 'loyalty_redemptions_key'))
      return ctx.db.withOrg(orgId, async (tx) =>
        viewOf(tx, orgId, (await repo.findRedemptionByKey(tx, orgId, key))!, true),
      );
    throw err;
  }
}

/**
 * Cancels a redemption: its points come back as a new `restore` entry of the ledger and the
 * reward's stock returns. Cancelling again answers the cancelled redemption as it is.
 */
export async function cancelRedemption(
  ctx: AppContext,
  orgId: string,
  id: string,
  input: { reason?: string | null },
  userId: string | null = null,
) {
  return retryOnConflict(() =>
    ctx.db.withOrg(orgId, async (tx) => {
      const r = await repo.findRedemption(tx, orgId, id, true);
      if (!r) throw notFound('redemption');
      if (r.status === 'cancelled') return viewOf(tx, orgId, r, true);
      // The reward before the account, as a redemption takes them.
      if (r.rewardId) await repo.findReward(tx, orgId, r.rewardId, true);
      const now = ctx.clock.now();
      const restoreEntryId = await restoreSpend(ctx, tx, {
        orgId,
        entryId: r.spendEntryId,
        reason: input.reason?.trim()
          ? `Redemption cancelled: ${input.reason.trim()}`.slice(0, 500)
          : 'Redemption cancelled',
        source: { kind: 'redemption', id: r.id, userId: userId ?? undefined },
      });
      if (r.rewardId) await repo.moveStock(tx, orgId, r.rewardId, 1);
      const row = await repo.markCancelled(tx, orgId, r.id, {
        restoreEntryId,
        reason: input.reason?.trim() || null,
        at: now,
      });
      const view = await viewOf(tx, orgId, row, true);
      await ctx.bus.emit(tx, 'loyalty.redemption_cancelled', {
        orgId,
        redemptionId: r.id,
        customerId: r.customerId,
        externalId: view.customerExternalId,
        rewardId: r.rewardId,
        points: r.points,
        restoreEntryId,
        cancelledAt: now,
      });
      return view;
    }),
  );
}

export async function findRedemptionView(ctx: AppContext, orgId: string, id: string) {
  return ctx.db.withOrg(orgId, async (tx) => {
    const r = await repo.findRedemption(tx, orgId, id);
    if (!r) throw notFound('redemption');
    return viewOf(tx, orgId, r);
  });
}

/** Redemptions newest first: of a customer (by external id), of a reward, of a status, or all. */
export async function listRedemptions(
  ctx: AppContext,
  orgId: string,
  query: PageQuery & { customerExternalId?: string; rewardId?: string; status?: RedemptionStatus },
) {
  const position = decodeCursor(query.cursor, ['instant', 'uuid']);
  return ctx.db.withOrg(orgId, async (tx) => {
    let customerId: string | undefined;
    if (query.customerExternalId) {
      customerId = (await findCustomerByExternalId(tx, orgId, query.customerExternalId))?.id;
      if (!customerId) throw invalid('query.customerExternalId', 'is not a customer of this organization');
    }
    const rows = await repo.pageRedemptions(
      tx,
      orgId,
      { customerId, rewardId: query.rewardId, status: query.status },
      query.limit,
      position,
    );
    const page = pageOf(rows, query.limit, (r) => [r.redeemedAt.toISOString(), r.id]);
    const customers = await findCustomers(
      tx,
      orgId,
      page.items.map((r) => r.customerId),
    );
    return {
      ...page,
      items: page.items.map((r) =>
        present(r, customers.get(r.customerId)?.externalId ?? '', r.rewardName ?? null),
      ),
    };
  });
}
