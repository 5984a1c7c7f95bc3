import type { Module } from '../registry';
import { registerFeedbackExtension } from './use-cases/customer-extension';
import { REBUILD_JOB, rebuildForTimeZone } from './use-cases/org-analytics';
import { recordResponse } from './use-cases/record-response';
import { retagAnswers } from './use-cases/retag-answers';
import { feedbackRoutes } from './http/routes';
import { RETAG_JOB } from './use-cases/topics';

export const feedbackModule: Module = {
  name: 'feedback',
  routes: feedbackRoutes,
  setup: (ctx) => {
    ctx.bus.on('response.created', recordResponse);
    ctx.jobs.register(REBUILD_JOB, async (job) => {
      if (job.orgId) await rebuildForTimeZone(ctx, job.orgId);
    });
    ctx.jobs.register(RETAG_JOB, async (job) => {
      if (job.orgId) await retagAnswers(ctx, job.orgId);
    });
    registerFeedbackExtension(ctx);
  },
};
