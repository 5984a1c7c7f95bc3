import { defineJob, NO_PAYLOAD } from '../../jobs/queue';
import { webhookEvents } from '../catalogue';
import type { Module } from '../registry';
import { purgeDeliveryBodies } from './data/repo-endpoints';
import { webhookRoutes } from './http/routes';
import { DELIVER_JOB } from './use-cases/deliver';
import { webhookSubscribers } from './use-cases/enqueue-deliveries';
import { DISABLED_MAIL_JOB } from './use-cases/notify-disabled';

/** Delivered or abandoned bodies are kept this long for inspection, then dropped (they carry customer data). */
const BODY_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

const PURGE_JOB = defineJob({
  name: 'webhooks.purge-bodies',
  scope: 'system',
  payload: NO_PAYLOAD,
  handle: (ctx) =>
    ctx.db.asSystem((tx) => purgeDeliveryBodies(tx, new Date(ctx.clock.now().getTime() - BODY_RETENTION_MS))),
});

/** Outgoing webhooks: signed, retried with backoff, logged, turned off when a receiver keeps failing. */
export const webhooksModule: Module = {
  name: 'webhooks',
  routes: webhookRoutes,
  jobs: [DELIVER_JOB, DISABLED_MAIL_JOB, PURGE_JOB],
  schedules: [{ job: PURGE_JOB, everySeconds: 24 * 3600 }],
  // Every event a module offers to webhooks, read from the manifests when the module starts.
  subscribers: () => webhookSubscribers(webhookEvents()),
  isolation: {
    '/api/v1/webhooks/:id': {
      sql: 'select id from webhook_endpoints where org_id = $1 limit 1',
      bodies: { PATCH: { description: 'changed by another tenant' } },
    },
    '/api/v1/webhooks/:id/deliveries': { sql: 'select id from webhook_endpoints where org_id = $1 limit 1' },
  },
};
