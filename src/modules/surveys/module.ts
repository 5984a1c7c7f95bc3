import { defineJob, NO_PAYLOAD } from '../../jobs/queue';
import type { Module } from '../registry';
import { purgeRateCounters } from './data/repo-responses';
import { surveyRoutes } from './http/routes';
import { assetRoutes } from './http/routes-assets';
import { pageRoutes } from './http/routes-pages';
import { publicRoutes } from './http/routes-public';
import { registerSurveyExtension } from './use-cases/customer-extension';
import { SEND_REMINDERS_JOB } from './use-cases/reminders';
import { SEND_INVITATION_JOB } from './use-cases/send-invitation';
import { subscribeTriggers, TRIGGER_JOB } from './use-cases/triggers';

const PURGE_JOB = defineJob({
  name: 'surveys.purge-rate-counters',
  scope: 'system',
  payload: NO_PAYLOAD,
  handle: (ctx) =>
    ctx.db.asSystem((tx) => purgeRateCounters(tx, new Date(ctx.clock.now().getTime() - 60 * 60 * 1000))),
});

export const surveysModule: Module = {
  name: 'surveys',
  routes: async (app) => {
    await surveyRoutes(app);
    await publicRoutes(app);
    await pageRoutes(app);
    await assetRoutes(app);
  },
  jobs: [SEND_INVITATION_JOB, TRIGGER_JOB, SEND_REMINDERS_JOB, PURGE_JOB],
  schedules: [
    { job: SEND_REMINDERS_JOB, everySeconds: 3600 },
    { job: PURGE_JOB, everySeconds: 3600 },
  ],
  setup: (ctx) => {
    registerSurveyExtension(ctx);
    subscribeTriggers(ctx);
  },
};
