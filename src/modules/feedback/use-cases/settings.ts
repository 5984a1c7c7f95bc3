/** The feedback settings: the anonymity threshold of employee and internal-client feedback. */
import type { AppContext } from '../../../http/types';
import * as repo from '../data/repo-settings';

export async function getFeedbackSettings(ctx: AppContext, orgId: string) {
  const s = await ctx.db.withOrg(orgId, (tx) => repo.findSettings(tx, orgId));
  return { anonymityThreshold: s.anonymityThreshold };
}

export async function updateFeedbackSettings(
  ctx: AppContext,
  orgId: string,
  patch: { anonymityThreshold?: number },
) {
  const s = await ctx.db.withOrg(orgId, (tx) => repo.saveSettings(tx, orgId, patch));
  return { anonymityThreshold: s.anonymityThreshold };
}
