import type { Module } from '../registry';
import { feedbackRoutes } from './http/routes';
import { registerFeedbackExtension } from './use-cases/customer-extension';
import { REBUILD_JOB } from './use-cases/org-analytics';
import { recordResponse } from './use-cases/record-response';
import { RETAG_JOB } from './use-cases/topics';

export const feedbackModule: Module = {
  name: 'feedback',
  routes: feedbackRoutes,
  jobs: [REBUILD_JOB, RETAG_JOB],
  setup: (ctx) => {
    ctx.bus.on('response.created', recordResponse);
    registerFeedbackExtension(ctx);
  },
};
