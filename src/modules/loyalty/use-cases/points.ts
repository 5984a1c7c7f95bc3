/**
 * A customer's points as the API and the dashboard show them (balance, entries newest first, lots
 * expiring next), manual adjustments with their user and reason, and the program's liability.
 */
import type { Executor } from '../../../db/database';
import { decodeCursor, type PageQuery, pageOf } from '../../../http/pagination';
import type { AppContext } from '../../../http/types';
import { invalid, notFound } from '../../../lib/errors';
import { findCustomer, findCustomerByExternalId } from '../../customers/api';
import { lockAccounts } from '../data/repo-ledger';
import { expiringLots, findAccount, liability, pageEntries } from '../data/repo-points';
import { creditPosting, programExpiry, spendPoints, storePostings } from './ledger';

/** How many lots expiring next a customer's points show. */
export const EXPIRING_SHOWN = 5;

export async function readPointsOf(tx: Executor, orgId: string, customerId: string, page: PageQuery) {
  const account = await findAccount(tx, orgId, customerId);
  const position = decodeCursor(page.cursor, ['instant', 'uuid']);
  const rows = await pageEntries(tx, orgId, customerId, page.limit, position);
  const entries = pageOf(rows, page.limit, (r) => [r.createdAt.toISOString(), r.id]);
  return {
    balance: account?.balance ?? 0,
    earnedTotal: account?.earnedTotal ?? 0,
    debt: account?.debt ?? 0,
    tierCode: account?.tierCode ?? null,
    entries: entries.items.map((e) => ({
      id: e.id,
      kind: e.kind,
      points: e.points,
      reason: e.reason,
      source: { kind: e.sourceKind, id: e.sourceId, userId: e.userId },
      reversesEntryId: e.reversesEntryId,
      occurredAt: e.occurredAt,
      createdAt: e.createdAt,
    })),
    nextCursor: entries.nextCursor,
    expiringSoon: await expiringLots(tx, orgId, customerId, EXPIRING_SHOWN),
  };
}

/** `GET /api/v1/customers/{externalId}/points`. */
export async function customerPoints(ctx: AppContext, orgId: string, externalId: string, page: PageQuery) {
  return ctx.db.withOrg(orgId, async (tx) => {
    const customer = await findCustomerByExternalId(tx, orgId, externalId);
    if (!customer) throw notFound('customer');
    return readPointsOf(tx, orgId, customer.id, page);
  });
}

export type AdjustmentInput = { customerExternalId: string; points: number; reason: string };

/**
 * Points added (a new lot, expiring as the program says) or taken (like a spend: soonest expiry
 * first; 409 when the balance does not cover it) by a person, with their reason.
 */
export async function adjustPoints(
  ctx: AppContext,
  orgId: string,
  input: AdjustmentInput,
  userId: string | null,
) {
  return ctx.db.withOrg(orgId, async (tx) => {
    const customer = await findCustomerByExternalId(tx, orgId, input.customerExternalId);
    if (!customer) throw invalid('body.customerExternalId', 'no customer has this external id');
    const source = { kind: 'manual', id: null, userId };
    let entryId: string;
    let balance: number;
    const now = ctx.clock.now();
    if (input.points > 0) {
      const account = (await lockAccounts(tx, orgId, [customer.id], now)).get(customer.id);
      if (!account) throw notFound('customer');
      const posting = creditPosting(account, {
        kind: 'adjust',
        points: input.points,
        reason: input.reason,
        source,
        occurredAt: now,
        earnedAt: now,
        expiresAt: await programExpiry(tx, orgId, now),
        lockedUntil: null,
        countsAsEarned: false,
      });
      await storePostings(tx, orgId, [posting], now);
      entryId = posting.entry.id;
      balance = account.balance;
    } else {
      ({ entryId, balance } = await spendPoints(
        ctx,
        tx,
        { orgId, customerId: customer.id, points: -input.points, reason: input.reason, source },
        'adjust',
      ));
    }
    await ctx.bus.emit(tx, 'loyalty.points_adjusted', {
      orgId,
      customerId: customer.id,
      externalId: (await findCustomer(tx, orgId, customer.id))?.externalId ?? input.customerExternalId,
      entryId,
      points: input.points,
      balance,
      reason: input.reason,
      userId,
    });
    return {
      entryId,
      customerExternalId: input.customerExternalId,
      points: input.points,
      balance,
      reason: input.reason,
    };
  });
}

/** Points outstanding (the program's liability) and those expiring within 30 and 90 days. */
export const pointsLiability = (ctx: AppContext, orgId: string) =>
  ctx.db.withOrg(orgId, (tx) => liability(tx, orgId, ctx.clock.now()));
