// Writes a scoring run: the scores go into the staging table a chunk at a time, then one
// transaction moves them into customer_values, logs and applies tier changes, and hands P(alive)
// to the lifecycle rules.
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../../http/types';
import { lockCustomers, setServiceTiers, supplyAliveProbabilities } from '../../customers/api';
import {
  deleteStaged,
  deleteStaleStaging,
  logTierChanges,
  mergeStagedScores,
  stageScores,
} from '../data/repo-scores';
import type { ComputedScores } from '../domain/compute-scores';
import type { Progress } from './score-values';

const STAGE_ROWS = 50_000;
const HOOK_ROWS = 20_000;

export type WriteOutcome = { scored: number; tierChanges: number };

/** `customerIds[i]` is the customer of row i of `scores`. */
export async function writeScores(
  ctx: AppContext,
  orgId: string,
  o: { fitId: number; customerIds: string[]; scores: ComputedScores; progress?: Progress },
): Promise<WriteOutcome> {
  const { db } = ctx;
  const runId = randomUUID();
  const now = ctx.clock.now();
  const n = o.customerIds.length;
  await db.asSystem((tx) => deleteStaleStaging(tx));
  try {
    for (let start = 0; start < n; start += STAGE_ROWS) {
      const end = Math.min(n, start + STAGE_ROWS);
      await db.withOrg(orgId, (tx) =>
        stageScores(tx, orgId, { runId, customerIds: o.customerIds, scores: o.scores, start, end }),
      );
    }
    return await db.withOrg(orgId, async (tx) => {
      // Tiers, stats and stages of these customers are written below: their rows are locked
      // first, all at once in the order every batch follows, so no batch deadlocks with the run.
      await lockCustomers(tx, orgId, o.customerIds);
      const changes = await logTierChanges(tx, orgId, runId, now);
      const scored = await mergeStagedScores(tx, orgId, { runId, fitId: o.fitId, now });
      await setServiceTiers(
        ctx,
        tx,
        orgId,
        changes.map((c) => ({ customerId: c.customerId, tier: c.to })),
      );
      await ctx.bus.emitMany(
        tx,
        'customer.tier_changed',
        changes.map((c) => ({ orgId, ...c, at: now })),
      );
      o.progress?.('lifecycle');
      for (let start = 0; start < n; start += HOOK_ROWS) {
        const values = [];
        for (let i = start; i < Math.min(n, start + HOOK_ROWS); i++) {
          values.push({
            customerId: o.customerIds[i],
            aliveProbability: o.scores.aliveProbability[i],
            clvMinor: o.scores.clvMinor[i],
          });
        }
        await supplyAliveProbabilities(ctx, tx, orgId, values);
      }
      await deleteStaged(tx, runId);
      return { scored, tierChanges: changes.length };
    });
  } catch (err) {
    await db.asSystem((tx) => deleteStaged(tx, runId));
    throw err;
  }
}
