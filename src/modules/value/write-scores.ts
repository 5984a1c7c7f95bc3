// Writes a scoring run: COPY into the staging table, then one transaction moves the rows into
// customer_values, logs and applies tier changes, and hands P(alive) to the lifecycle rules.
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../http/types';
import { setServiceTiers, supplyAliveProbabilities } from '../customers/api';
import type { ComputedScores } from './compute-scores';
import { deleteStaged, deleteStaleStaging, logTierChanges, mergeStagedScores } from './repo-scores';
import { STAGING_COLUMNS } from './schema';
import type { Progress } from './score-values';

const COPY_ROWS = 50_000;
const HOOK_ROWS = 20_000;

export type WriteOutcome = { scored: number; tierChanges: number };

/** CSV lines of rows [start, end): ids are uuids and tiers are [a-z0-9_-], so nothing needs quoting. */
function stagingCsv(
  runId: string,
  orgId: string,
  customerIds: string[],
  s: ComputedScores,
  start: number,
  end: number,
) {
  const lines: string[] = [];
  for (let i = start; i < end; i++) {
    lines.push(
      `${runId},${orgId},${customerIds[i]},${s.aliveProbability[i]},${s.expectedPurchases[i]},` +
        `${s.expectedSpendMinor[i]},${s.clvMinor[i]},${s.costToServeMinor[i]},${s.profitabilityMinor[i]},${s.tiers[i]}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

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
    for (let start = 0; start < n; start += COPY_ROWS) {
      const csv = stagingCsv(runId, orgId, o.customerIds, o.scores, start, Math.min(n, start + COPY_ROWS));
      await db.copyFrom('customer_value_staging', STAGING_COLUMNS, csv);
    }
    return await db.withOrg(orgId, async (tx) => {
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
          values.push({ customerId: o.customerIds[i], aliveProbability: o.scores.aliveProbability[i] });
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
