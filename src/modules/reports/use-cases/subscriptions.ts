import { type PageQuery, pageByCreation } from '../../../http/pagination';
import type { AppContext } from '../../../http/types';
import { randomToken } from '../../../lib/crypto';
import { AppError, invalid, notFound } from '../../../lib/errors';
import { findOrgLocaleSettings, findUserRef, type Principal } from '../../orgs/api';
import * as repo from '../data/repo-subscriptions';
import { type Frequency, nextSendAt } from '../domain/periods';

export type Subscription = repo.SubscriptionRow;

/**
 * Whose subscriptions a caller handles: their own; someone else's (`userId`) only with
 * `users:manage`, which an admin API key (it has no user of its own) needs for any.
 */
function subscriberOf(principal: Principal, userId: string | undefined, field = 'body.userId'): string {
  if (userId && userId !== principal.userId) {
    if (!principal.permissions.has('users:manage'))
      throw new AppError('forbidden', 'userId: only users:manage subscribes someone else');
    return userId;
  }
  if (!principal.userId) throw invalid(field, 'is required when calling with an API key');
  return principal.userId;
}

/** Subscribes a person to the weekly or monthly digest; asking again keeps the subscription. */
export async function subscribe(
  ctx: AppContext,
  principal: Principal,
  input: { frequency: Frequency; userId?: string },
) {
  const { orgId } = principal;
  const userId = subscriberOf(principal, input.userId);
  return ctx.db.withOrg(orgId, async (tx) => {
    const user = await findUserRef(tx, orgId, userId);
    if (!user || user.disabledAt) throw invalid('body.userId', 'no active user with this id');
    const { timeZone } = await findOrgLocaleSettings(tx, orgId);
    return repo.insertSubscription(tx, orgId, {
      userId,
      frequency: input.frequency,
      nextSendAt: nextSendAt(input.frequency, ctx.clock.now(), timeZone),
      unsubscribeSecret: randomToken(32),
    });
  });
}

export function listSubscriptions(
  ctx: AppContext,
  principal: Principal,
  query: PageQuery & { userId?: string },
) {
  // Inside the page: a cursor this API did not issue is named before a missing user.
  return pageByCreation(query, (limit, position) => {
    const userId = subscriberOf(principal, query.userId, 'query.userId');
    return ctx.db.withOrg(principal.orgId, (tx) =>
      repo.listSubscriptionsOfUser(tx, principal.orgId, userId, limit, position),
    );
  });
}

/** Ends a subscription of the caller's (or anyone's, with `users:manage`). */
export async function cancelSubscription(ctx: AppContext, principal: Principal, id: string) {
  const { orgId } = principal;
  await ctx.db.withOrg(orgId, async (tx) => {
    const found = await repo.findSubscription(tx, orgId, id);
    const mayCancel =
      found && (found.userId === principal.userId || principal.permissions.has('users:manage'));
    if (!mayCancel) throw notFound('subscription');
    await repo.deleteSubscription(tx, orgId, id);
  });
}
