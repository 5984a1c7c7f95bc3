import { z } from 'zod';
import type { AppContext } from '../../../http/types';
import { pickLocale } from '../../../i18n/locales';
import { defineJob, NO_PAYLOAD } from '../../../jobs/queue';
import { parseDayNumber } from '../../../lib/day-number';
import { sendQuietly } from '../../../notify/send-quietly';
import { findOrgProfile, findUserRef } from '../../orgs/api';
import * as repo from '../data/repo-subscriptions';
import { FREQUENCIES, nextPeriodStart, nextSendAt, periodBefore, periodKey } from '../domain/periods';
import { renderDigest } from '../domain/render-digest';
import { gatherDigest } from './gather-digest';
import { unsubscribeTokenOf } from './unsubscribe';

/** Subscriptions handed to the queue per run of the due job; the rest wait for the next hour. */
const DUE_BATCH = 500;

const baseUrl = (ctx: AppContext) => ctx.config.publicUrl ?? `http://localhost:${ctx.config.port}`;

/**
 * One subscriber's digest of one period. It is sent at most once: the period is marked sent in
 * the transaction that sends it, so a rerun (or a second worker) finds it marked and sends nothing;
 * a failed delivery rolls the mark back and the job retries.
 */
export const DIGEST_JOB = defineJob({
  name: 'reports.send-digest',
  scope: 'org',
  payload: z.object({
    subscriptionId: z.uuid(),
    frequency: z.enum(FREQUENCIES),
    period: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  }),
  handle: async (ctx, { subscriptionId, frequency, period }, job) => {
    const orgId = job.orgId;
    if (!ctx.mailer.configured) return;
    const found = await ctx.db.withOrg(orgId, async (tx) => {
      const subscription = await repo.findSubscription(tx, orgId, subscriptionId);
      if (!subscription || subscription.lastPeriod === period) return undefined;
      const user = await findUserRef(tx, orgId, subscription.userId);
      const org = await findOrgProfile(tx, orgId);
      if (!user || user.disabledAt || !org) return undefined;
      return { subscription, user, org };
    });
    if (!found) return;
    const { subscription, user, org } = found;
    const startDay = parseDayNumber(period);
    const figures = await gatherDigest(
      ctx,
      { id: orgId, name: org.name, timeZone: org.timeZone },
      frequency,
      {
        startDay,
        endDay: nextPeriodStart(frequency, startDay),
      },
    );
    const locale = pickLocale(user.locale, org.defaultLocale);
    const base = baseUrl(ctx);
    const unsubscribeUrl = `${base}/r/${unsubscribeTokenOf(orgId, subscription)}`;
    const mail = renderDigest(locale, figures, {
      unsubscribe: unsubscribeUrl,
      dashboard: `${base}/overview`,
    });
    await ctx.db.withOrg(orgId, async (tx) => {
      if (!(await repo.claimPeriod(tx, orgId, subscriptionId, period))) return;
      await sendQuietly(ctx.mailer, {
        to: user.email,
        subject: mail.subject,
        text: mail.text,
        headers: {
          'List-Unsubscribe': `<${unsubscribeUrl}>`,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        },
      });
    });
  },
});

/**
 * Hourly: every subscription whose send time has come gets its digest job for the period that
 * just ended (stored once per subscription and period), and its next send time.
 */
export const DUE_JOB = defineJob({
  name: 'reports.enqueue-due',
  scope: 'system',
  payload: NO_PAYLOAD,
  handle: (ctx) =>
    ctx.db.asSystem(async (tx) => {
      const now = ctx.clock.now();
      for (const due of await repo.lockDueSubscriptions(tx, now, DUE_BATCH)) {
        const org = await findOrgProfile(tx, due.orgId);
        if (!org) continue;
        const period = periodKey(periodBefore(due.frequency, due.nextSendAt, org.timeZone));
        await ctx.jobs.enqueue(
          DIGEST_JOB,
          {
            orgId: due.orgId,
            payload: { subscriptionId: due.id, frequency: due.frequency, period },
            dedupeKey: `reports.digest:${due.id}:${period}`,
          },
          tx,
        );
        await repo.setNextSendAt(tx, due.orgId, due.id, nextSendAt(due.frequency, now, org.timeZone));
      }
    }),
});
