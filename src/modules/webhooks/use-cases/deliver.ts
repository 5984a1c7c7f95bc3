import { z } from 'zod';
import type { AppContext } from '../../../http/types';
import { defineJob } from '../../../jobs/queue';
import * as repo from '../data/repo-endpoints';
import { postWebhook } from '../domain/post';
import { SIGNATURE_HEADER, signWebhook } from '../domain/sign';
import { queueDisabledNotice } from './notify-disabled';

/** An endpoint failing this many attempts in a row is turned off and its organization's owners told. */
export const MAX_CONSECUTIVE_FAILURES = 10;
const TIMEOUT_MS = 10_000;
/** Attempts per delivery; backoff doubles from 5 s to at most an hour (the queue's). */
export const DELIVERY_ATTEMPTS = 10;

/**
 * The delivery job: signs and POSTs the stored body, records the attempt in the delivery log,
 * and throws on failure so the queue retries with backoff, until the attempts run out.
 */
export const DELIVER_JOB = defineJob({
  name: 'webhooks.deliver',
  scope: 'org',
  payload: z.object({ deliveryId: z.string() }),
  handle: (ctx, { deliveryId }, job) => deliverWebhook(ctx, job.orgId, deliveryId, job.attempts),
});

async function deliverWebhook(ctx: AppContext, orgId: string, deliveryId: string, attempts: number) {
  const d = await ctx.db.withOrg(orgId, (tx) => repo.findDeliveryToSend(tx, orgId, deliveryId));
  if (d?.status !== 'pending') return;
  if (!d.enabled) {
    await ctx.db.withOrg(orgId, (tx) => repo.markDelivery(tx, orgId, deliveryId, 'skipped'));
    return;
  }
  const timestamp = Math.floor(ctx.clock.now().getTime() / 1000);
  const result = await postWebhook(
    d.url,
    {
      'content-type': 'application/json',
      'user-agent': 'Orientir-Webhooks/1',
      'x-orientir-event': d.event,
      'x-orientir-delivery': d.id,
      [SIGNATURE_HEADER]: signWebhook(d.secret, timestamp, d.body),
    },
    d.body,
    { allowPrivate: ctx.config.webhooksAllowPrivate, timeoutMs: TIMEOUT_MS },
  );
  const ok = result.error === null;
  const lastTry = attempts >= DELIVERY_ATTEMPTS;
  const disabled = await ctx.db.withOrg(orgId, async (tx) => {
    const now = ctx.clock.now();
    await repo.recordAttempt(tx, orgId, deliveryId, {
      status: ok ? 'delivered' : lastTry ? 'failed' : 'pending',
      responseStatus: result.status,
      lastError: result.error,
      at: now,
      delivered: ok,
    });
    if (ok) {
      await repo.resetFailures(tx, orgId, d.endpointId);
      return false;
    }
    const failures = await repo.countFailure(tx, orgId, d.endpointId);
    if (failures < MAX_CONSECUTIVE_FAILURES) return false;
    const reason = `${failures} failed deliveries in a row`;
    if (await repo.disableEndpoint(tx, orgId, d.endpointId, reason, now)) {
      await queueDisabledNotice(ctx, tx, orgId, d.endpointId, now);
    }
    await repo.markDelivery(tx, orgId, deliveryId, 'failed');
    return true;
  });
  if (!ok && !lastTry && !disabled) throw new Error(`webhook delivery failed: ${result.error}`);
}
