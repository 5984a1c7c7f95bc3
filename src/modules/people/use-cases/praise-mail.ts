import { z } from 'zod';
import type { AppContext } from '../../../http/types';
import { pickLocale } from '../../../i18n/locales';
import { defineJob } from '../../../jobs/queue';
import type { MailMessage } from '../../../notify/mailer';
import { findOrgProfile } from '../../orgs/api';
import { findPraiseMailFacts } from '../data/repo-recognition';
import { praiseText } from '../messages';

/**
 * E-mails a confirmed praise to each person it names and to their manager, in the organization's
 * language, after the transaction that confirmed it. Each message goes at most once: one that fails
 * is not retried, so nobody is thanked twice.
 */
export const PRAISE_MAIL_JOB = defineJob({
  name: 'people.praise-mail',
  scope: 'org',
  payload: z.object({ praiseId: z.string().uuid() }),
  handle: async (ctx, { praiseId }, job) => {
    if (!ctx.mailer.configured) return;
    const mails = await ctx.db.withOrg(job.orgId, async (tx) => {
      const org = await findOrgProfile(tx, job.orgId);
      const facts = await findPraiseMailFacts(tx, job.orgId, praiseId);
      return praiseMails(ctx, org?.name ?? '', org?.defaultLocale ?? 'en', facts);
    });
    for (const mail of mails) {
      try {
        await ctx.mailer.send(mail);
      } catch {
        // Not retried: the others already went, and the praise stays in the feed either way.
      }
    }
  },
});

function praiseMails(
  ctx: AppContext,
  org: string,
  defaultLocale: string,
  facts: Awaited<ReturnType<typeof findPraiseMailFacts>>,
): MailMessage[] {
  const locale = pickLocale(defaultLocale);
  const base = ctx.config.publicUrl ?? `http://localhost:${ctx.config.port}`;
  const url = `${base}/people?tab=recognition`;
  const mails: MailMessage[] = [];
  const managersTold = new Set<string>();
  for (const f of facts) {
    const comment = f.comment?.trim() || praiseText(locale, 'noComment');
    if (f.email) {
      mails.push({
        to: f.email,
        subject: praiseText(locale, 'subjectYou', { org }),
        text: praiseText(locale, 'bodyYou', { org, name: f.name, comment, url }),
      });
    }
    // A manager of several people named hears of each; the same person is never told twice about one.
    const key = `${f.manager?.email}:${f.name}`;
    if (f.manager && f.manager.email !== f.email && !managersTold.has(key)) {
      managersTold.add(key);
      mails.push({
        to: f.manager.email,
        subject: praiseText(locale, 'subjectManager', { org, name: f.name }),
        text: praiseText(locale, 'bodyManager', { org, name: f.name, manager: f.manager.name, comment, url }),
      });
    }
  }
  return mails;
}
