import type { AppContext } from '../../http/types';
import { findOrgLocaleSettings } from '../orgs/api';
import { refreshStages } from './refresh-stages';
import { listOrgsWithCustomers } from './repo-customers';
import { recomputeRfm } from './repo-rfm';

export const RECOMPUTE_JOB = 'customers.recompute';
export const RECOMPUTE_ALL_JOB = 'customers.recompute-all';
export const RFM_JOB = 'customers.rfm';

/** Lifecycle stages of every customer of the organization, recomputed at the clock's now. */
export const recomputeStages = (ctx: AppContext, orgId: string) =>
  ctx.db.withOrg(orgId, (tx) => refreshStages(ctx, tx, orgId));

export const recomputeRfmScores = (ctx: AppContext, orgId: string) =>
  ctx.db.withOrg(orgId, async (tx) => {
    const { timeZone } = await findOrgLocaleSettings(tx, orgId);
    return recomputeRfm(tx, orgId, ctx.clock.now(), timeZone);
  });

export async function recomputeCustomers(ctx: AppContext, orgId: string) {
  const stageChanges = await recomputeStages(ctx, orgId);
  const scored = await recomputeRfmScores(ctx, orgId);
  return { stageChanges, scored };
}

/** The scheduled run: one recompute job per organization that has customers. */
export async function enqueueRecomputeForAll(ctx: AppContext) {
  const orgIds = await ctx.db.asSystem((tx) => listOrgsWithCustomers(tx));
  for (const orgId of orgIds) await ctx.jobs.enqueue({ name: RECOMPUTE_JOB, orgId, maxAttempts: 3 });
}
