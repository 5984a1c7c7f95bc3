import type { AppContext } from '../../../http/types';
import { type CustomerRef, findCustomer } from '../../customers/api';
import type { SurveyRow } from '../data/repo-surveys';

export type { ResponseRow } from '../data/repo-responses';
export type { SurveyRow } from '../data/repo-surveys';

import { findInvitation, type InvitationRow, markInvitationOpened } from '../data/repo-invitations';
import { findResponseByInvitation, findResponseByNonce } from '../data/repo-responses';
import * as repo from '../data/repo-surveys';
import { verifyToken } from '../domain/tokens';
import { surveyTokenKey } from './signing-key';

export type PublicTarget = {
  orgId: string;
  survey: SurveyRow;
  invitation?: InvitationRow;
  customer?: CustomerRef;
};
export type Resolution = { ok: true; target: PublicTarget } | { ok: false; reason: 'not_found' | 'expired' };

/** The survey behind a public id: the organization comes from the id (a system lookup), then its own scope. */
export async function resolvePublicId(ctx: AppContext, publicId: string): Promise<Resolution> {
  if (!/^[a-z0-9]{1,40}$/.test(publicId)) return { ok: false, reason: 'not_found' };
  const found = await ctx.db.asSystem((tx) => repo.findSurveyOrgByPublicId(tx, publicId));
  if (!found) return { ok: false, reason: 'not_found' };
  const survey = await ctx.db.withOrg(found.orgId, (tx) => repo.findSurvey(tx, found.orgId, found.id));
  return survey ? { ok: true, target: { orgId: found.orgId, survey } } : { ok: false, reason: 'not_found' };
}

/**
 * The invitation behind a personal token: signed and unexpired. The signed invitation id binds
 * it to one survey and one customer (the invitation row never changes them) and keeps the
 * link short enough for every mail client and URL router.
 */
export async function resolveToken(ctx: AppContext, token: string): Promise<Resolution> {
  const verified = verifyToken(await surveyTokenKey(ctx), 'invitation', 2, token);
  if (!verified) return { ok: false, reason: 'not_found' };
  const [orgId, invitationId] = verified.ids;
  if (verified.expiresAt <= ctx.clock.now()) return { ok: false, reason: 'expired' };
  return ctx.db.withOrg(orgId, async (tx) => {
    const invitation = await findInvitation(tx, orgId, invitationId);
    if (!invitation?.customerId) return { ok: false, reason: 'not_found' } as const;
    const survey = await repo.findSurvey(tx, orgId, invitation.surveyId);
    const customer = await findCustomer(tx, orgId, invitation.customerId);
    if (!survey || !customer || customer.erasedAt) return { ok: false, reason: 'not_found' } as const;
    return { ok: true, target: { orgId, survey, invitation, customer } } as const;
  });
}

/** The respondent's partial response to a survey, saved under the nonce of their cookie. */
export const findSavedResponse = (ctx: AppContext, orgId: string, surveyId: string, nonce: string) =>
  ctx.db.withOrg(orgId, async (tx) => {
    const saved = await findResponseByNonce(tx, orgId, surveyId, nonce);
    return saved?.status === 'partial' ? saved : undefined;
  });

/** The response given to an invitation so far, if any. */
export const findInvitedResponse = (ctx: AppContext, orgId: string, invitationId: string) =>
  ctx.db.withOrg(orgId, (tx) => findResponseByInvitation(tx, orgId, invitationId));

/** Notes that the respondent opened their personal link (the first time counts). */
export const noteInvitationOpened = (ctx: AppContext, orgId: string, invitationId: string) =>
  ctx.db.withOrg(orgId, (tx) => markInvitationOpened(tx, orgId, invitationId, ctx.clock.now()));
