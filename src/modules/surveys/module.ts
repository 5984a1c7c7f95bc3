import { surveysStep } from '../../demo/step-surveys';
import { defineJob, NO_PAYLOAD } from '../../jobs/queue';
import { readGrant, writeGrant } from '../grants';
import type { Module } from '../registry';
import { purgeRateCounters } from './data/repo-responses';
import { surveyEvents } from './events';
import { surveyRoutes } from './http/routes';
import { assetRoutes } from './http/routes-assets';
import { inboxRoutes } from './http/routes-inbox';
import { pageRoutes } from './http/routes-pages';
import { publicRoutes } from './http/routes-public';
import { surveySettings } from './http/settings';
import { surveyExtensions } from './use-cases/customer-extension';
import { SEND_REMINDERS_JOB } from './use-cases/reminders';
import { SEND_INVITATION_JOB } from './use-cases/send-invitation';
import { TRIGGER_JOB, triggerSubscribers } from './use-cases/triggers';

const PURGE_JOB = defineJob({
  name: 'surveys.purge-rate-counters',
  scope: 'system',
  payload: NO_PAYLOAD,
  handle: (ctx) =>
    ctx.db.asSystem((tx) => purgeRateCounters(tx, new Date(ctx.clock.now().getTime() - 60 * 60 * 1000))),
});

const ONE_SURVEY = 'select id from surveys where org_id = $1 limit 1';

export const surveysModule: Module = {
  name: 'surveys',
  permissions: [readGrant('surveys:read'), writeGrant('surveys:write', ['manager', 'analyst'])],
  routes: async (app) => {
    await surveyRoutes(app);
    await inboxRoutes(app);
    await publicRoutes(app);
    await pageRoutes(app);
    await assetRoutes(app);
  },
  settings: [surveySettings],
  jobs: [SEND_INVITATION_JOB, TRIGGER_JOB, SEND_REMINDERS_JOB, PURGE_JOB],
  schedules: [
    { job: SEND_REMINDERS_JOB, everySeconds: 3600 },
    { job: PURGE_JOB, everySeconds: 3600 },
  ],
  events: surveyEvents,
  subscribers: triggerSubscribers,
  profile: surveyExtensions,
  isolation: {
    '/api/v1/surveys/:id': { sql: ONE_SURVEY, bodies: { PATCH: { name: 'changed by another tenant' } } },
    '/api/v1/surveys/:id/responses': { sql: ONE_SURVEY },
    '/api/v1/surveys/:id/responses/export': { sql: ONE_SURVEY },
    '/api/v1/surveys/:id/responses/batch': {
      sql: ONE_SURVEY,
      bodies: { POST: { responses: [{ answers: { nps: 1 } }] } },
    },
    '/api/v1/surveys/:id/invitations': {
      sql: ONE_SURVEY,
      bodies: { POST: { customerExternalIds: ['someone'] } },
    },
    '/api/v1/surveys/:id/links': { sql: ONE_SURVEY, bodies: { POST: { customerExternalId: 'someone' } } },
    '/api/v1/surveys/:id/qr.svg': { sql: ONE_SURVEY },
    '/api/v1/surveys/:id/qr.png': { sql: ONE_SURVEY },
  },
  demo: [{ order: 30, step: surveysStep }],
};

declare module '../registry' {
  /** The permissions this module defines; their grants are its manifest's `permissions`. */
  interface Permissions {
    'surveys:read': true;
    'surveys:write': true;
  }
}
