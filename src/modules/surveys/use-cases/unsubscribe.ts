import type { AppContext } from '../../../http/types';
import { findCustomer } from '../../customers/api';
import { findOrgProfile } from '../../orgs/api';
import { insertOptOut } from '../data/repo-invitations';
import { verifyToken } from '../domain/tokens';
import { surveyTokenKey } from './signing-key';

/**
 * The customer of an unsubscribe link, and their organization; with `confirm`, they receive no more survey
 * e-mails. Undefined for a token this installation did not sign.
 */
export async function unsubscribe(ctx: AppContext, token: string, confirm: boolean) {
  const verified = verifyToken(await surveyTokenKey(ctx), 'unsubscribe', 2, token);
  if (!verified) return undefined;
  const [orgId, customerId] = verified.ids;
  return ctx.db.withOrg(orgId, async (tx) => {
    if (confirm) await insertOptOut(tx, orgId, customerId, 'email', ctx.clock.now());
    return { customer: await findCustomer(tx, orgId, customerId), org: await findOrgProfile(tx, orgId) };
  });
}
