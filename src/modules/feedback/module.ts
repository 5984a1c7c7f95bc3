import type { Module } from '../registry';
import { registerFeedbackExtension } from './customer-extension';
import { REBUILD_JOB, rebuildForTimeZone } from './org-analytics';
import { recordResponse } from './record-response';
import { retagAnswers } from './retag-answers';
import { feedbackRoutes } from './routes';
import { RETAG_JOB } from './topics';

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
