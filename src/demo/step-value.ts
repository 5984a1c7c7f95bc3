import { awaitJob } from './await-job';
import type { DemoStep } from './steps';

/** Weeks of purchases kept out of the fit, so the value page can show predictions against what happened. */
const HOLDOUT_DAYS = 91;

/** Customer values and service tiers: the value module fits its models and scores everyone. */
export const valueStep: DemoStep = {
  name: 'customer values',
  available: ({ api }) => api.has('POST', '/api/v1/analytics/value/fit'),
  async run(ctx) {
    const until = new Date(ctx.now.getTime() - HOLDOUT_DAYS * 86_400_000).toISOString().slice(0, 10);
    const { jobId } = await ctx.api.call<{ jobId: number }>('POST', '/api/v1/analytics/value/fit', {
      until,
      timeUnit: 'week',
    });
    await awaitJob(ctx, jobId);
  },
};
