import type { Executor } from '../../../db/database';
import type { AppContext } from '../../../http/types';
import { AppError, notFound } from '../../../lib/errors';
import { type CustomerRef, findCustomerByExternalId } from '../../customers/api';
import { insertInvitation } from '../data/repo-invitations';
import { findSettings } from '../data/repo-settings';
import * as repo from '../data/repo-surveys';
import { claimContact } from './contact-cap';
import { emailBlocker, type SkipReason } from './eligibility';
import { SEND_INVITATION_JOB } from './send-invitation';

const DAY_MS = 24 * 60 * 60 * 1000;

export type InviteResult = { invitationId: string | null; status: 'queued' | 'skipped'; reason?: SkipReason };

/**
 * Invites one customer by e-mail: consent, opt-out and the contact cap are checked, the
 * invitation is stored and its sending queued — all in the caller's transaction.
 */
export async function inviteCustomer(
  ctx: AppContext,
  tx: Executor,
  orgId: string,
  o: { surveyId: string; customer: CustomerRef; touchpoint?: string | null; expiresInDays?: number },
): Promise<InviteResult> {
  const blocker = await emailBlocker(tx, orgId, o.customer);
  if (blocker) return { invitationId: null, status: 'skipped', reason: blocker };
  const now = ctx.clock.now();
  if (
    !(await claimContact(tx, orgId, {
      customerId: o.customer.id,
      surveyId: o.surveyId,
      channel: 'email',
      now,
    }))
  ) {
    return { invitationId: null, status: 'skipped', reason: 'frequency_cap' };
  }
  const days = o.expiresInDays ?? (await findSettings(tx, orgId)).linkValidDays;
  const invitationId = await insertInvitation(tx, orgId, {
    surveyId: o.surveyId,
    customerId: o.customer.id,
    channel: 'email',
    status: 'queued',
    touchpoint: o.touchpoint ?? null,
    expiresAt: new Date(now.getTime() + days * DAY_MS),
    now,
  });
  await ctx.jobs.enqueue(
    SEND_INVITATION_JOB,
    {
      orgId,
      payload: { invitationId, kind: 'invite' },
      dedupeKey: `survey-invitation:${invitationId}`,
    },
    tx,
  );
  return { invitationId, status: 'queued' };
}

/** Invites customers by external id; each one is reported as queued or skipped with the reason. */
export async function inviteCustomers(
  ctx: AppContext,
  orgId: string,
  surveyId: string,
  input: { customerExternalIds: string[]; touchpoint?: string; expiresInDays?: number },
) {
  return ctx.db.withOrg(orgId, async (tx) => {
    const survey = await repo.findSurvey(tx, orgId, surveyId);
    if (!survey) throw notFound('survey');
    if (survey.status !== 'active')
      throw new AppError('conflict', `status: the survey is ${survey.status}, not active`);
    const results: (InviteResult & { customerExternalId: string })[] = [];
    for (const externalId of new Set(input.customerExternalIds)) {
      const customer = await findCustomerByExternalId(tx, orgId, externalId);
      const result: InviteResult = customer
        ? await inviteCustomer(ctx, tx, orgId, { surveyId, customer, ...input })
        : { invitationId: null, status: 'skipped', reason: 'unknown_customer' };
      results.push({ customerExternalId: externalId, ...result });
    }
    const queued = results.filter((r) => r.status === 'queued').length;
    return { queued, skipped: results.length - queued, results };
  });
}
