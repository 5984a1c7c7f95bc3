import type { AppContext } from '../../http/types';
import { upsertCustomers as upsertRows } from './repo-customers';
import type { CustomerInput } from './schemas';

/** Upserts customers by external id in one transaction; `customer.created` is emitted for the new ones. */
export function upsertCustomers(ctx: AppContext, orgId: string, rows: CustomerInput[]) {
  return ctx.db.withOrg(orgId, async (tx) => {
    const saved = await upsertRows(tx, orgId, rows, ctx.clock.now());
    let created = 0;
    for (const c of saved) {
      if (!c.created) continue;
      created++;
      await ctx.bus.emit(tx, 'customer.created', { orgId, customerId: c.id, externalId: c.externalId });
    }
    return { created, updated: saved.length - created };
  });
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
