import type { AppContext } from '../../../http/types';
import { AppError, invalid, notFound } from '../../../lib/errors';
import { ensureCustomer } from '../../customers/api';
import { findLocationsByCode } from '../../people/api';
import { insertInvitation } from '../data/repo-invitations';
import { findSettings } from '../data/repo-settings';
import * as repo from '../data/repo-surveys';
import { signToken } from '../domain/tokens';
import { tokenUrl } from '../http/public-url';
import { surveyTokenKey } from './signing-key';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A personal link for one customer, handed out by the organization itself (a receipt, a chat):
 * signed, expiring, answering once. Staff choose to hand it out, so the contact cap does not apply.
 */
export async function createPersonalLink(
  ctx: AppContext,
  orgId: string,
  surveyId: string,
  input: { customerExternalId: string; touchpoint?: string; locationCode?: string; expiresInDays?: number },
  baseUrl: string,
) {
  const key = await surveyTokenKey(ctx);
  return ctx.db.withOrg(orgId, async (tx) => {
    const survey = await repo.findSurvey(tx, orgId, surveyId);
    if (!survey) throw notFound('survey');
    if (survey.status === 'closed') throw new AppError('conflict', 'status: the survey is closed');
    const code = input.locationCode;
    if (code && !(await findLocationsByCode(tx, orgId, [code])).has(code))
      throw invalid('body.locationCode', 'no location of the organization has this code');
    const customerId = await ensureCustomer(ctx, tx, orgId, input.customerExternalId);
    const now = ctx.clock.now();
    const days = input.expiresInDays ?? (await findSettings(tx, orgId)).linkValidDays;
    const expiresAt = new Date(now.getTime() + days * DAY_MS);
    const invitationId = await insertInvitation(tx, orgId, {
      surveyId,
      customerId,
      channel: 'link',
      status: 'sent',
      touchpoint: input.touchpoint ?? null,
      expiresAt,
      now,
    });
    const token = signToken(key, 'invitation', [orgId, invitationId], expiresAt);
    // The location rides on the link, as on the survey's public link (?l=).
    const url = tokenUrl(baseUrl, token) + (code ? `?${new URLSearchParams({ l: code })}` : '');
    return { invitationId, token, url, expiresAt };
  });
}
