import type { AppContext } from '../../../http/types';
import { findOrgProfile, findUserRef } from '../../orgs/api';
import * as repo from '../data/repo-subscriptions';
import type { Frequency } from '../domain/periods';
import {
  isUnsubscribeTokenValid,
  readUnsubscribeToken,
  signUnsubscribeToken,
} from '../domain/unsubscribe-token';

export const unsubscribeTokenOf = (orgId: string, subscription: { id: string; unsubscribeSecret: string }) =>
  signUnsubscribeToken(orgId, subscription.id, subscription.unsubscribeSecret);

export type UnsubscribeState =
  | { state: 'invalid' }
  | { state: 'ask' | 'done'; frequency: Frequency; orgName: string; locale: string; orgLocale: string };

/**
 * The subscription an unsubscribe link names, without logging in; with `confirm` it ends. A link
 * whose subscription has ended (or whose signature fails) is invalid.
 */
export async function unsubscribeByToken(
  ctx: AppContext,
  token: string,
  confirm: boolean,
): Promise<UnsubscribeState> {
  const ids = readUnsubscribeToken(token);
  if (!ids) return { state: 'invalid' };
  return ctx.db.withOrg(ids.orgId, async (tx) => {
    const found = await repo.findSubscription(tx, ids.orgId, ids.subscriptionId);
    if (!found || !isUnsubscribeTokenValid(token, found.unsubscribeSecret))
      return { state: 'invalid' as const };
    const org = await findOrgProfile(tx, ids.orgId);
    const user = await findUserRef(tx, ids.orgId, found.userId);
    if (confirm) await repo.deleteSubscription(tx, ids.orgId, found.id);
    return {
      state: confirm ? ('done' as const) : ('ask' as const),
      frequency: found.frequency,
      orgName: org?.name ?? '',
      locale: user?.locale ?? '',
      orgLocale: org?.defaultLocale ?? '',
    };
  });
}
