import type { Module } from '../registry';
import { registerCaseHoursSource } from '../value/api';
import { registerCaseExtensions } from './customer-extension';
import { runEscalation } from './escalate-case';
import { MAIL_JOB, sendCaseMail } from './notify';
import { sumHandlingHours } from './repo-cases';
import { caseRoutes } from './routes';
import { followUpRoutes } from './routes-follow-up';
import { caseSettingsRoutes } from './routes-settings';
import { ESCALATE_JOB } from './schedule-escalations';
import { takeEvents, takeResponses } from './take-feedback';

/** The closed loop: rules open cases from negative feedback; SLAs, escalation, follow-up. */
export const casesModule: Module = {
  name: 'cases',
  routes: async (app) => {
    await caseRoutes(app);
    await caseSettingsRoutes(app);
    await followUpRoutes(app);
  },
  setup: (ctx) => {
    ctx.bus.onBatch('response.created', (tx, batch) => takeResponses(ctx, tx, batch));
    ctx.bus.onBatch('event.recorded', (tx, batch) => takeEvents(ctx, tx, batch));
    ctx.jobs.register(ESCALATE_JOB, (job) => runEscalation(ctx, job));
    ctx.jobs.register(MAIL_JOB, (job) => sendCaseMail(ctx, job));
    registerCaseExtensions(ctx);
    registerCaseHoursSource(ctx, (tx, orgId, window) =>
      sumHandlingHours(tx, orgId, window.from, window.before),
    );
  },
};
