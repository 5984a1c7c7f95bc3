import type { Executor } from '../../../db/database';
import type { AppContext } from '../../../http/types';
import { defineFanOutJob, defineJob, NO_PAYLOAD } from '../../../jobs/queue';
import { findOrgLocaleSettings } from '../../orgs/api';
import { listOrgsWithCustomers } from '../data/repo-customers';
import { buildFactsTable } from '../data/repo-facts';
import { recomputeRfm } from '../data/repo-rfm';
import { refreshStages, reviewDueStages, rewriteBacklog } from './refresh-stages';

/**
 * Every customer's stage history rewritten from its events, and every RFM score, at the clock's
 * now, in one transaction (after a change of the rules, or on request).
 */
export const recomputeCustomers = (ctx: AppContext, orgId: string) =>
  ctx.db.withOrg(orgId, async (tx) => {
    const stageChanges = await refreshStages(ctx, tx, orgId);
    const scored = await rescore(ctx, tx, orgId);
    return { stageChanges, scored };
  });

/** Stage histories alone, of every customer of the organization at the clock's now. */
export const recomputeStages = (ctx: AppContext, orgId: string) =>
  ctx.db.withOrg(orgId, (tx) => refreshStages(ctx, tx, orgId));

/**
 * The daily run of the stages: the customers time alone moves by now, after any histories still
 * on the backlog (should a backlog job have been lost).
 */
export async function reviewStages(ctx: AppContext, orgId: string) {
  const backlog = await rewriteBacklog(ctx, orgId);
  return backlog + (await ctx.db.withOrg(orgId, (tx) => reviewDueStages(ctx, tx, orgId)));
}

/** RFM scores alone. */
export const recomputeRfmScores = (ctx: AppContext, orgId: string) =>
  ctx.db.withOrg(orgId, (tx) => rescore(ctx, tx, orgId));

async function rescore(ctx: AppContext, tx: Executor, orgId: string) {
  const { timeZone } = await findOrgLocaleSettings(tx, orgId);
  await buildFactsTable(tx, orgId);
  return recomputeRfm(tx, orgId, ctx.clock.now(), timeZone);
}

export const RECOMPUTE_JOB = defineJob({
  name: 'customers.recompute',
  scope: 'org',
  payload: NO_PAYLOAD,
  handle: (ctx, _payload, job) => recomputeCustomers(ctx, job.orgId),
});

export const REVIEW_JOB = defineJob({
  name: 'customers.review-stages',
  scope: 'org',
  payload: NO_PAYLOAD,
  handle: (ctx, _payload, job) => reviewStages(ctx, job.orgId),
});

export const RFM_JOB = defineJob({
  name: 'customers.rfm',
  scope: 'org',
  payload: NO_PAYLOAD,
  handle: (ctx, _payload, job) => recomputeRfmScores(ctx, job.orgId),
});

/**
 * The daily run of the stages: one review job per organization that has customers. (Its name is
 * the one the daily schedule has always had, so installed schedules keep running.)
 */
export const REVIEW_ALL_JOB = defineFanOutJob('customers.recompute-all', listOrgsWithCustomers, REVIEW_JOB, {
  maxAttempts: 3,
});

/** RFM scores on their own daily schedule: they follow the size of the tables, not the day's changes. */
export const RFM_ALL_JOB = defineFanOutJob('customers.rfm-all', listOrgsWithCustomers, RFM_JOB, {
  maxAttempts: 3,
});
