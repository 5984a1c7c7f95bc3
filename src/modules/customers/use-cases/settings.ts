import type { AppContext } from '../../../http/types';
import { findRules, saveRules } from '../data/repo-lifecycle';
import type { LifecycleRules } from '../domain/stages';
import { RECOMPUTE_JOB } from './recompute';

export const getLifecycleRules = (ctx: AppContext, orgId: string) =>
  ctx.db.withOrg(orgId, (tx) => findRules(tx, orgId));

/** Changes some thresholds; a recompute is queued with the change so stages follow the new rules. */
export function updateLifecycleRules(ctx: AppContext, orgId: string, patch: Partial<LifecycleRules>) {
  return ctx.db.withOrg(orgId, async (tx) => {
    const rules = { ...(await findRules(tx, orgId)), ...patch };
    if (Object.keys(patch).length) {
      await saveRules(tx, orgId, rules, ctx.clock.now());
      await ctx.jobs.enqueue(RECOMPUTE_JOB, { orgId, maxAttempts: 3 }, tx);
    }
    return rules;
  });
}
