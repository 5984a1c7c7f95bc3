import { z } from 'zod';
import type { Executor } from '../../../db/database';
import type { AppContext } from '../../../http/types';
import { pickLocale } from '../../../i18n/locales';
import { defineJob } from '../../../jobs/queue';
import { sendQuietly } from '../../../notify/send-quietly';
import { findOrgProfile, listOwners } from '../../orgs/api';
import { findEndpoint } from '../data/repo-endpoints';
import { webhookText } from '../messages';

/** Queued with the disabling, in its transaction: the owners hear of it once. */
export async function queueDisabledNotice(
  ctx: AppContext,
  tx: Executor,
  orgId: string,
  endpointId: string,
  at: Date,
) {
  await ctx.jobs.enqueue(
    DISABLED_MAIL_JOB,
    {
      orgId,
      payload: { endpointId },
      dedupeKey: `webhook:${endpointId}:disabled:${at.getTime()}`,
      maxAttempts: 8,
    },
    tx,
  );
}

/** Tells every owner of the organization, in their language, that an endpoint was turned off. */
export const DISABLED_MAIL_JOB = defineJob({
  name: 'webhooks.disabled-mail',
  scope: 'org',
  payload: z.object({ endpointId: z.string() }),
  handle: (ctx, { endpointId }, job) => sendDisabledNotice(ctx, job.orgId, endpointId),
});

async function sendDisabledNotice(ctx: AppContext, orgId: string, endpointId: string) {
  if (!ctx.mailer.configured) return;
  const found = await ctx.db.withOrg(orgId, async (tx) => ({
    endpoint: await findEndpoint(tx, orgId, endpointId),
    owners: await listOwners(tx, orgId),
    org: await findOrgProfile(tx, orgId),
  }));
  if (!found.endpoint) return;
  for (const owner of found.owners) {
    const locale = pickLocale(owner.locale, found.org?.defaultLocale);
    const vars = { url: found.endpoint.url, failures: found.endpoint.consecutiveFailures };
    await sendQuietly(ctx.mailer, {
      to: owner.email,
      subject: webhookText(locale, 'disabledSubject'),
      text: webhookText(locale, 'disabledBody', vars),
    });
  }
}
