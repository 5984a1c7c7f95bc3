import type { Module } from '../registry';
import { deliverWebhook } from './use-cases/deliver';
import { DELIVER_JOB, subscribeWebhooks } from './use-cases/enqueue-deliveries';
import { DISABLED_MAIL_JOB, sendDisabledNotice } from './use-cases/notify-disabled';
import { purgeDeliveryBodies } from './data/repo-endpoints';
import { webhookRoutes } from './http/routes';

const PURGE_JOB = 'webhooks.purge-bodies';
/** Delivered or abandoned bodies are kept this long for inspection, then dropped (they carry customer data). */
const BODY_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

/** Outgoing webhooks: signed, retried with backoff, logged, turned off when a receiver keeps failing. */
export const webhooksModule: Module = {
  name: 'webhooks',
  routes: webhookRoutes,
  setup: (ctx) => {
    subscribeWebhooks(ctx);
    ctx.jobs.register(DELIVER_JOB, (job) => deliverWebhook(ctx, job));
    ctx.jobs.register(DISABLED_MAIL_JOB, (job) => sendDisabledNotice(ctx, job));
    ctx.jobs.register(PURGE_JOB, () =>
      ctx.db.asSystem((tx) =>
        purgeDeliveryBodies(tx, new Date(ctx.clock.now().getTime() - BODY_RETENTION_MS)),
      ),
    );
    return ctx.jobs.schedule(PURGE_JOB, 24 * 3600);
  },
};
