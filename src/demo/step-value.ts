import { awaitJob } from './await-job';
import type { DemoStep } from './steps';

/** Weeks of purchases kept out of the fit, so the value page can show predictions against what happened. */
const HOLDOUT_DAYS = 91;

/** Customer values and service tiers: the value module fits its models and scores everyone. */
export const valueStep: DemoStep = {
  name: 'customer values',
  available: ({ api }) => api.has('POST', '/api/v1/analytics/value/fit'),
  async run(ctx) {
    // A café's economics in złoty: what is left of a sale, what each order, contact and hour of
    // case work costs, and the tiers profitability earns — so value and profitability differ.
    if (ctx.api.has('PATCH', '/api/v1/settings/value')) {
      await ctx.api.call('PATCH', '/api/v1/settings/value', {
        margin: 0.3,
        costPerOrderMinor: 250,
        costPerContactMinor: 400,
        costPerCaseHourMinor: 6000,
        tierRule: {
          by: 'profitability',
          defaultTier: 'standard',
          tiers: [
            { tier: 'premium', min: 40_000 },
            { tier: 'priority', min: 12_000 },
          ],
        },
      });
    }
    const until = new Date(ctx.now.getTime() - HOLDOUT_DAYS * 86_400_000).toISOString().slice(0, 10);
    const { jobId } = await ctx.api.call<{ jobId: number }>('POST', '/api/v1/analytics/value/fit', {
      until,
      timeUnit: 'week',
    });
    await awaitJob(ctx, jobId);
  },
};
