import type { Executor } from '../../../db/database';
import type { AppContext } from '../../../http/types';
import { buildFactsTable } from '../data/repo-facts';
import type { StageContext, StageScope } from '../data/repo-lifecycle';
import * as repo from '../data/repo-lifecycle';
import { type Arrival, movedByArrivals } from '../domain/stages';

const EMIT_PAGE = 5_000;

/**
 * Brings lifecycle stages up to date at the clock's now, for `customerIds` (as answers or
 * modelled values arrive) or for the whole organization (the scheduled recompute, which leaves
 * the `customer_facts` it built for RFM to read in the same transaction), and emits every change
 * on the bus.
 */
export function refreshStages(
  ctx: AppContext,
  tx: Executor,
  orgId: string,
  customerIds?: string[],
): Promise<number> {
  return refreshScope(ctx, tx, orgId, customerIds && [...new Set(customerIds)].map((id) => ({ id })));
}

/**
 * After events arrive: decides the customers whose stage these events can move (movedByArrivals);
 * the others keep theirs until the scheduled recompute, which owns every change by time alone.
 */
export async function refreshStagesOfArrivals(
  ctx: AppContext,
  tx: Executor,
  orgId: string,
  arrived: Arrival[],
) {
  // Most batches move somebody; a batch of visits of known customers reads nothing at all.
  if (!movedByArrivals(arrived).length) return 0;
  const context = await repo.loadStageContext(tx, orgId, ctx.clock.now());
  const lastPurchase = new Map<string, number>();
  for (const e of arrived) {
    if (e.type !== 'purchase') continue;
    const at = e.occurredAt.getTime();
    if (at > (lastPurchase.get(e.customerId) ?? Number.NEGATIVE_INFINITY)) lastPurchase.set(e.customerId, at);
  }
  const scope = movedByArrivals(arrived, context.cutoffs).map((id) => ({
    id,
    lastPurchaseMs: lastPurchase.get(id),
  }));
  return refreshScope(ctx, tx, orgId, scope, context);
}

async function refreshScope(
  ctx: AppContext,
  tx: Executor,
  orgId: string,
  scope?: StageScope[],
  context?: StageContext,
) {
  if (scope && !scope.length) return 0;
  const now = ctx.clock.now();
  const { rules, cutoffs } = context ?? (await repo.loadStageContext(tx, orgId, now));
  if (!scope) await buildFactsTable(tx, orgId, cutoffs.regularFrom);
  const emitAll = !scope && ctx.bus.listens('customer.stage_changed');
  const before = emitAll ? await repo.lastStageChangeId(tx, orgId) : 0;
  const { count, changes } = await repo.applyStageRules(tx, orgId, { now, rules, cutoffs, scope });
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
