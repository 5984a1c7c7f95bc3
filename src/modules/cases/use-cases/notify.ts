import { z } from 'zod';
import type { Executor } from '../../../db/database';
import type { AppContext } from '../../../http/types';
import { type Locale, pickLocale } from '../../../i18n/locales';
import { defineJob } from '../../../jobs/queue';
import { sendQuietly } from '../../../notify/send-quietly';
import { findCustomer } from '../../customers/api';
import { findOrgProfile, findUserRef } from '../../orgs/api';
import { findCase, findTimelineEntry, hasSentMail, insertTimeline } from '../data/repo-cases';
import { FOLLOW_UP_TTL_MS, signFollowUpToken } from '../domain/follow-up-token';
import { ESCALATION_KINDS } from '../domain/model';
import { caseText } from '../messages';
import { titleIn } from './present-cases';
import { findReplyRoute } from './reply-address';

/** An e-mail about a case; its text is composed when it is sent, in the reader's language. */
const caseMail = z.union([
  z.object({ template: z.enum(['assigned', ...ESCALATION_KINDS]), caseId: z.string(), userId: z.string() }),
  z.object({ template: z.literal('reply'), caseId: z.string(), entryId: z.number() }),
  z.object({ template: z.literal('follow_up'), caseId: z.string(), cycle: z.number() }),
]);
export type CaseMail = z.output<typeof caseMail>;

export const MAIL_JOB = defineJob({
  name: 'cases.mail',
  scope: 'org',
  payload: z.intersection(caseMail, z.object({ key: z.string() })),
  handle: (ctx, { key, ...mail }, job) => sendCaseMail(ctx, job.orgId, mail as CaseMail, key),
});

/** Queues an e-mail in the caller's transaction; `key` makes it happen once. */
export async function queueCaseMail(
  ctx: AppContext,
  tx: Executor,
  orgId: string,
  mail: CaseMail,
  key: string,
) {
  await ctx.jobs.enqueue(
    MAIL_JOB,
    { orgId, payload: { ...mail, key }, dedupeKey: `mail:${key}`, maxAttempts: 8 },
    tx,
  );
}

const baseUrl = (ctx: AppContext) => ctx.config.publicUrl ?? `http://localhost:${ctx.config.port}`;

const formatTime = (at: Date, locale: Locale, timeZone: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(at);

type Composed = { to: string; subject: string; text: string; recipient: Record<string, unknown> };

async function compose(
  ctx: AppContext,
  tx: Executor,
  orgId: string,
  mail: CaseMail,
): Promise<Composed | null> {
  const c = await findCase(tx, orgId, mail.caseId);
  const org = await findOrgProfile(tx, orgId);
  if (!c || !org) return null;

  if (mail.template === 'reply') {
    const { address } = await findReplyRoute(tx, orgId, c);
    const entry = await findTimelineEntry(tx, orgId, mail.entryId);
    if (!address || !entry?.text) return null;
    const locale = pickLocale(address.locale, org.defaultLocale);
    return {
      to: address.email,
      subject: caseText(locale, 'replySubject'),
      text: entry.text,
      recipient: { kind: address.via },
    };
  }

  if (mail.template === 'follow_up') {
    const customer = c.customerId ? await findCustomer(tx, orgId, c.customerId) : undefined;
    if (!customer?.email || customer.erasedAt) return null;
    const locale = pickLocale(customer.locale, org.defaultLocale);
    const recipient = { kind: 'customer' };
    if (customer.consent.email === false || c.cycle !== mail.cycle || c.status !== 'resolved') return null;
    const token = signFollowUpToken(org.widgetSecret, {
      orgId,
      caseId: c.id,
      cycle: c.cycle,
      expiresAt: new Date(ctx.clock.now().getTime() + FOLLOW_UP_TTL_MS),
    });
    const link = `${baseUrl(ctx)}/c/${token}`;
    return {
      to: customer.email,
      subject: caseText(locale, 'followUpSubject'),
      text: caseText(locale, 'followUpBody', { link }),
      recipient,
    };
  }

  const user = await findUserRef(tx, orgId, mail.userId);
  if (!user || user.disabledAt) return null;
  const locale = pickLocale(user.locale, org.defaultLocale);
  const firstResponse = mail.template.startsWith('first_response');
  const vars = {
    title: titleIn(c, locale),
    priority: caseText(locale, `priority_${c.priority}` as 'priority_normal'),
    target: caseText(locale, firstResponse ? 'firstResponse' : 'resolution'),
    due: formatTime(
      mail.template === 'assigned' || firstResponse ? c.firstResponseDueAt : c.resolutionDueAt,
      locale,
      org.timeZone,
    ),
    link: `${baseUrl(ctx)}/cases/${c.id}`,
  };
  const [subject, body] =
    mail.template === 'assigned'
      ? (['assignedSubject', 'assignedBody'] as const)
      : mail.template.endsWith('warning')
        ? (['warningSubject', 'warningBody'] as const)
        : (['breachSubject', 'breachBody'] as const);
  return {
    to: user.email,
    subject: caseText(locale, subject, vars),
    text: caseText(locale, body, vars),
    recipient: { kind: 'user', userId: user.id },
  };
}

/**
 * The mail job: composes, sends over SMTP, then records `email_sent` on the timeline. The record
 * is checked first, so a retry after a crash sends again only if the crash beat the record.
 */
async function sendCaseMail(ctx: AppContext, orgId: string, mail: CaseMail, key: string) {
  if (!ctx.mailer.configured) return;
  const composed = await ctx.db.withOrg(orgId, async (tx) =>
    (await hasSentMail(tx, orgId, mail.caseId, key)) ? null : compose(ctx, tx, orgId, mail),
  );
  if (!composed) return;
  await sendQuietly(ctx.mailer, { to: composed.to, subject: composed.subject, text: composed.text });
  await ctx.db.withOrg(orgId, (tx) =>
    insertTimeline(tx, orgId, {
      caseId: mail.caseId,
      kind: 'email_sent',
      data: { key, template: mail.template, to: composed.recipient },
      at: ctx.clock.now(),
    }),
  );
}
