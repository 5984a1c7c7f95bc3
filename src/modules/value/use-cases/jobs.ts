import type { AppContext } from '../../../http/types';
import type { Job } from '../../../jobs/queue';
import { listOrgsWithPurchases } from '../../customers/api';
import { type FitRequest, fitValueModels } from './fit-values';
import { rescoreValues } from './score-values';

export const FIT_JOB = 'value.fit';
export const SCORE_JOB = 'value.score';
export const REFIT_ALL_JOB = 'value.refit-all';

const WEEK_SECONDS = 7 * 86_400;

function orgOf(job: Job): string {
  if (!job.orgId) throw new Error(`${job.name} job without an organization`);
  return job.orgId;
}

/** Fit (then score) on request, rescore after a settings change, and refit every organization weekly. */
export async function registerValueJobs(ctx: AppContext) {
  ctx.jobs.register(FIT_JOB, async (job) => {
    const { until, timeUnit, holdoutUntil } = job.payload as FitRequest;
    await fitValueModels(ctx, orgOf(job), { until, timeUnit, holdoutUntil });
  });
  ctx.jobs.register(SCORE_JOB, async (job) => {
    await rescoreValues(ctx, orgOf(job));
  });
  ctx.jobs.register(REFIT_ALL_JOB, async () => {
    const orgIds = await ctx.db.asSystem((tx) => listOrgsWithPurchases(tx));
    for (const orgId of orgIds) await ctx.jobs.enqueue({ name: FIT_JOB, orgId, maxAttempts: 3 });
  });
  // The first weekly run a week after the schedule appears: a fresh start does not refit at once.
  await ctx.jobs.schedule(
    REFIT_ALL_JOB,
    WEEK_SECONDS,
    new Date(ctx.clock.now().getTime() + WEEK_SECONDS * 1000),
  );
}
