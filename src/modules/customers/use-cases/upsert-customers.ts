import { retryOnConflict } from '../../../db/retry';
import type { AppContext } from '../../../http/types';
import { upsertCustomers as upsertRows } from '../data/repo-customers';
import type { CustomerInput } from '../http/schemas';

/**
 * Upserts customers by external id in one transaction (run again whole if the database aborts
 * it as a deadlock victim); `customer.created` is emitted for the new ones.
 */
export function upsertCustomers(ctx: AppContext, orgId: string, rows: CustomerInput[]) {
  return retryOnConflict(() =>
    ctx.db.withOrg(orgId, async (tx) => {
      const saved = await upsertRows(tx, orgId, rows, ctx.clock.now());
      const created = saved.filter((c) => c.created);
      await ctx.bus.emitMany(
        tx,
        'customer.created',
        created.map((c) => ({ orgId, customerId: c.id, externalId: c.externalId })),
      );
      return { created: created.length, updated: saved.length - created.length };
    }),
  );
}

/** Indexes of rows whose external id already appeared earlier in the batch. */
export function repeatedExternalIds(rows: { externalId: string }[]): number[] {
  const seen = new Set<string>();
  const repeated: number[] = [];
  rows.forEach((r, i) => {
    if (seen.has(r.externalId)) repeated.push(i);
    seen.add(r.externalId);
  });
  return repeated;
}
