import type { Executor } from '../../../db/database';
import type { AppContext } from '../../../http/types';
import { defineJob, NO_PAYLOAD } from '../../../jobs/queue';
import { findOrgLocaleSettings } from '../../orgs/api';
import { rebuildRollups } from '../data/repo-facts';
import * as settingsRepo from '../data/repo-settings';

/** What every analytics query needs to know about the organization. */
export type OrgAnalytics = {
  timeZone: string;
  anonymityThreshold: number;
  /** False while the roll-ups still hold days of a former time zone: answer from the facts. */
  rollupReady: boolean;
};

/**
 * The organization's zone and threshold, read in the query's own transaction. When the
 * organization has moved to another time zone, a job rebuilds its roll-ups; until then queries
 * scan the facts, so answers stay exact.
 */
export async function loadOrgAnalytics(ctx: AppContext, tx: Executor, orgId: string): Promise<OrgAnalytics> {
  const org = await findOrgLocaleSettings(tx, orgId);
  const settings = await settingsRepo.findSettings(tx, orgId);
  const rollupReady = settings.rollupTimeZone === org.timeZone;
  if (!rollupReady) {
    await ctx.jobs.enqueue(
      REBUILD_JOB,
      {
        orgId,
        // One job per move: repeated queries before it runs do not queue more.
        dedupeKey: `${REBUILD_JOB.name}:${orgId}:${org.timeZone}:${settings.rollupTimeZone}:${settings.updatedAt?.getTime() ?? 0}`,
      },
      tx,
    );
  }
  return { timeZone: org.timeZone, anonymityThreshold: settings.anonymityThreshold, rollupReady };
}

/** The rebuild job: recount the roll-ups in the organization's current time zone. */
export const REBUILD_JOB = defineJob({
  name: 'feedback.rebuild-rollups',
  scope: 'org',
  payload: NO_PAYLOAD,
  handle: (ctx, _payload, job) => rebuildForTimeZone(ctx, job.orgId),
});

async function rebuildForTimeZone(ctx: AppContext, orgId: string) {
  await ctx.db.withOrg(orgId, async (tx) => {
    await settingsRepo.lockForRebuild(tx, orgId);
    const org = await findOrgLocaleSettings(tx, orgId);
    const settings = await settingsRepo.findSettings(tx, orgId);
    if (settings.rollupTimeZone === org.timeZone) return;
    await rebuildRollups(tx, orgId, org.timeZone);
    await settingsRepo.saveSettings(tx, orgId, { rollupTimeZone: org.timeZone });
  });
}
