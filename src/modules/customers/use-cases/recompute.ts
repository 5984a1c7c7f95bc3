import type { AppContext } from '../../../http/types';
import { defineFanOutJob, defineJob, NO_PAYLOAD } from '../../../jobs/queue';
import { findOrgLocaleSettings } from '../../orgs/api';
import { listOrgsWithCustomers } from '../data/repo-customers';
import { buildFactsTable } from '../data/repo-facts';
import { recomputeRfm } from '../data/repo-rfm';
import { refreshStages } from './refresh-stages';

/**
 * Lifecycle stages and RFM scores of every customer of the organization at the clock's now,
 * in one transaction over one pass of its events.
 */
export const recomputeCustomers = (ctx: AppContext, orgId: string) =>
  ctx.db.withOrg(orgId, async (tx) => {
    const stageChanges = await refreshStages(ctx, tx, orgId);
    const { timeZone } = await findOrgLocaleSettings(tx, orgId);
    const scored = await recomputeRfm(tx, orgId, ctx.clock.now(), timeZone);
    return { stageChanges, scored };
  });

/** Lifecycle stages alone, of every customer of the organization at the clock's now. */
export const recomputeStages = (ctx: AppContext, orgId: string) =>
  ctx.db.withOrg(orgId, (tx) => refreshStages(ctx, tx, orgId));

/** RFM scores alone (the on-demand job). */
export const recomputeRfmScores = (ctx: AppContext, orgId: string) =>
  ctx.db.withOrg(orgId, async (tx) => {
    const { timeZone } = await findOrgLocaleSettings(tx, orgId);
    const now = ctx.clock.now();
    await buildFactsTable(tx, orgId, now);
    return recomputeRfm(tx, orgId, now, timeZone);
  });

export const RECOMPUTE_JOB = defineJob({
  name: 'customers.recompute',
  scope: 'org',
  payload: NO_PAYLOAD,
  handle: (ctx, _payload, job) => recomputeCustomers(ctx, job.orgId),
});

export const RFM_JOB = defineJob({
  name: 'customers.rfm',
  scope: 'org',
  payload: NO_PAYLOAD,
  handle: (ctx, _payload, job) => recomputeRfmScores(ctx, job.orgId),
});

/** The scheduled run: one recompute job per organization that has customers. */
export const RECOMPUTE_ALL_JOB = defineFanOutJob(
  'customers.recompute-all',
  listOrgsWithCustomers,
  RECOMPUTE_JOB,
  {
    maxAttempts: 3,
  },
);
