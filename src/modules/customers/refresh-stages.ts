import type { Executor } from '../../db/database';
import type { AppContext } from '../../http/types';
import { findOrgLocaleSettings } from '../orgs/api';
import { buildFactsTable } from './repo-facts';
import * as repo from './repo-lifecycle';
import { type Arrival, movedByArrivals } from './stages';

const EMIT_PAGE = 5_000;

/**
 * Brings lifecycle stages up to date at the clock's now, for `customerIds` (as answers or
 * modelled values arrive) or for the whole organization (the scheduled recompute, which leaves the `customer_facts` it
 * built for RFM to read in the same transaction), and emits every change on the bus.
 */
export async function refreshStages(
  ctx: AppContext,
  tx: Executor,
  orgId: string,
  customerIds?: string[],
): Promise<number> {
  if (customerIds && !customerIds.length) return 0;
  const now = ctx.clock.now();
  const { timeZone } = await findOrgLocaleSettings(tx, orgId);
  const rules = await repo.findRules(tx, orgId);
  const cutoffs = await repo.cutoffsOf(tx, now, timeZone, rules);
  if (!customerIds) await buildFactsTable(tx, orgId, cutoffs.regularFrom);
  const emitAll = !customerIds && ctx.bus.listens('customer.stage_changed');
  const before = emitAll ? await repo.lastStageChangeId(tx, orgId) : 0;
  const { count, changes } = await repo.applyStageRules(tx, orgId, { now, rules, cutoffs, customerIds });
  await ctx.bus.emitMany(
    tx,
    'customer.stage_changed',
    changes.map((c) => ({
      orgId,
      customerId: c.customerId,
      externalId: c.externalId,
      from: c.from,
      to: c.to,
      at: now,
    })),
  );
  if (emitAll && count) await emitLoggedChanges(ctx, tx, orgId, before);
  return count;
}

/**
 * After events arrive: decides the customers whose stage these events can move (movedByArrivals);
 * the others keep theirs until the scheduled recompute, which owns every change by time alone.
 */
export function refreshStagesOfArrivals(ctx: AppContext, tx: Executor, orgId: string, arrived: Arrival[]) {
  return refreshStages(ctx, tx, orgId, movedByArrivals(arrived));
}

/** A full recompute may change a million stages: they are read back and emitted page by page. */
async function emitLoggedChanges(ctx: AppContext, tx: Executor, orgId: string, afterId: number) {
  for (;;) {
    const page = await repo.pageStageChanges(tx, orgId, afterId, EMIT_PAGE);
    await ctx.bus.emitMany(
      tx,
      'customer.stage_changed',
      page.map(({ id: _id, ...c }) => ({ orgId, ...c })),
    );
    if (page.length < EMIT_PAGE) return;
    afterId = page[page.length - 1].id;
  }
}
