import type { Module } from '../registry';
import { registerSurveyExtension } from './use-cases/customer-extension';
import { SEND_INVITATION_JOB } from './use-cases/invite';
import { queueReminders, SEND_REMINDERS_JOB } from './use-cases/reminders';
import { purgeRateCounters } from './data/repo-responses';
import { surveyRoutes } from './http/routes';
import { assetRoutes } from './http/routes-assets';
import { pageRoutes } from './http/routes-pages';
import { publicRoutes } from './http/routes-public';
import { sendInvitation } from './use-cases/send-invitation';
import { runTriggeredInvite, subscribeTriggers, TRIGGER_JOB } from './use-cases/triggers';

const PURGE_JOB = 'surveys.purge-rate-counters';

export const surveysModule: Module = {
  name: 'surveys',
  routes: async (app) => {
    await surveyRoutes(app);
    await publicRoutes(app);
    await pageRoutes(app);
    await assetRoutes(app);
  },
  setup: async (ctx) => {
    registerSurveyExtension(ctx);
    subscribeTriggers(ctx);
    ctx.jobs.register(SEND_INVITATION_JOB, (job) =>
      sendInvitation(
        ctx,
        job.orgId!,
        String(job.payload.invitationId),
        job.payload.kind === 'reminder' ? 'reminder' : 'invite',
      ),
    );
    ctx.jobs.register(TRIGGER_JOB, (job) =>
      runTriggeredInvite(ctx, job.orgId!, job.payload as { surveyId: string; customerId: string }),
    );
    ctx.jobs.register(SEND_REMINDERS_JOB, async () => {
      await queueReminders(ctx);
    });
    ctx.jobs.register(PURGE_JOB, () =>
      ctx.db.asSystem((tx) => purgeRateCounters(tx, new Date(ctx.clock.now().getTime() - 60 * 60 * 1000))),
    );
    await ctx.jobs.schedule(SEND_REMINDERS_JOB, 3600);
    await ctx.jobs.schedule(PURGE_JOB, 3600);
  },
};
