import { z } from 'zod';
import type { AppContext } from '../../../http/types';
import { pickLocale } from '../../../i18n/locales';
import { defineJob } from '../../../jobs/queue';
import { findCustomer } from '../../customers/api';
import { findOrgProfile } from '../../orgs/api';
import { findInvitation, markInvitation } from '../data/repo-invitations';
import * as repo from '../data/repo-surveys';
import { renderInvitationEmail } from '../domain/render-invitation';
import { signToken } from '../domain/tokens';
import { publicBaseUrl, tokenUrl, unsubscribeUrl } from '../http/public-url';
import { emailBlocker } from './eligibility';
import { surveyTokenKey } from './signing-key';

// Unsubscribe links keep working long after the invitation itself has expired.
const UNSUBSCRIBE_VALID_MS = 5 * 365 * 24 * 60 * 60 * 1000;

/** Sends one invitation e-mail, or its reminder. */
export const SEND_INVITATION_JOB = defineJob({
  name: 'surveys.send-invitation',
  scope: 'org',
  payload: z.object({ invitationId: z.string(), kind: z.enum(['invite', 'reminder']) }),
  handle: (ctx, { invitationId, kind }, job) =>
    sendInvitation(ctx, job.orgId, invitationId, kind, job.attempts >= SEND_ATTEMPTS),
});

/** The queue's default number of attempts of a job: the last one records a failure. */
export const SEND_ATTEMPTS = 5;

/** An SMTP answer refusing the recipient for good (5xx): the address bounces, no retry mends it. */
const isRefusal = (error: unknown) => {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
};

/**
 * Sends an invitation or its reminder. Consent is checked again at sending time; the e-mail
 * goes out after the transaction that prepared it, and a failure leaves the job to retry.
 */
async function sendInvitation(
  ctx: AppContext,
  orgId: string,
  invitationId: string,
  kind: 'invite' | 'reminder',
  lastAttempt: boolean,
) {
  const key = await surveyTokenKey(ctx);
  const base = publicBaseUrl(ctx);
  const prepared = await ctx.db.withOrg(orgId, async (tx) => {
    const inv = await findInvitation(tx, orgId, invitationId);
    if (!inv?.customerId || inv.status !== (kind === 'invite' ? 'queued' : 'sent')) return undefined;
    const [survey, customer, org] = await Promise.all([
      repo.findSurvey(tx, orgId, inv.surveyId),
      findCustomer(tx, orgId, inv.customerId),
      findOrgProfile(tx, orgId),
    ]);
    const blocker = customer ? await emailBlocker(tx, orgId, customer) : 'unknown_customer';
    if (!survey || !customer || !org || blocker || survey.status !== 'active') {
      if (kind === 'invite') {
        await markInvitation(tx, orgId, inv.id, {
          status: 'skipped',
          skipReason: blocker ?? 'survey_inactive',
        });
      }
      return undefined;
    }
    const locale = pickLocale(customer.locale, survey.defaultLocale);
    const token = signToken(key, 'invitation', [orgId, inv.id], inv.expiresAt);
    const unsubscribe = signToken(
      key,
      'unsubscribe',
      [orgId, customer.id],
      new Date(ctx.clock.now().getTime() + UNSUBSCRIBE_VALID_MS),
    );
    const message = renderInvitationEmail({
      kind,
      locale,
      orgName: org.name,
      surveyName: survey.name,
      customerName: customer.name,
      url: tokenUrl(base, token),
      unsubscribeUrl: unsubscribeUrl(base, unsubscribe),
      expiresAt: inv.expiresAt,
      timeZone: org.timeZone,
    });
    return { inv, to: customer.email!, message, unsubscribe: unsubscribeUrl(base, unsubscribe) };
  });
  if (!prepared) return;
  if (!ctx.mailer.configured) {
    await ctx.db.withOrg(orgId, (tx) =>
      markInvitation(tx, orgId, invitationId, { status: 'failed', skipReason: 'mailer_not_configured' }),
    );
    return;
  }
  try {
    await ctx.mailer.send({
      to: prepared.to,
      ...prepared.message,
      headers: {
        'List-Unsubscribe': `<${prepared.unsubscribe}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
    });
  } catch (error) {
    const refused = isRefusal(error);
    // A reminder that cannot go out leaves the invitation as it was: it was sent.
    if (kind === 'invite' && (refused || lastAttempt)) {
      await ctx.db.withOrg(orgId, (tx) =>
        markInvitation(
          tx,
          orgId,
          invitationId,
          refused
            ? { status: 'bounced', skipReason: 'refused_by_mail_server' }
            : { status: 'failed', skipReason: 'send_failed' },
        ),
      );
      return;
    }
    throw error;
  }
  const now = ctx.clock.now();
  await ctx.db.withOrg(orgId, (tx) =>
    markInvitation(
      tx,
      orgId,
      invitationId,
      kind === 'invite'
        ? { status: 'sent', sentAt: now }
        : { remindersSent: prepared.inv.remindersSent + 1, lastRemindedAt: now },
    ),
  );
}
