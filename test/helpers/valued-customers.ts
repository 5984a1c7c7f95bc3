import { supplyAliveProbabilities } from '../../src/modules/customers/api';
import { recomputeRfmScores } from '../../src/modules/customers/use-cases/recompute';
import { api } from './api';
import type { TestApp, TestOrg } from './app';

export type ValuedCustomer = {
  externalId: string;
  name?: string;
  /** Days before the test clock's now of the customer's one purchase; none when absent. */
  purchasedDaysAgo?: number;
  /** Modelled value and probability alive, as a scoring run of the value module tells them. */
  clvMinor?: number;
  aliveProbability?: number;
};

/**
 * Customers with a purchase each (RFM recomputed, so the last purchase is known) and the
 * figures a value scoring run hands the customers module, in batches the API takes.
 */
export async function seedValuedCustomers(t: TestApp, org: TestOrg, customers: ValuedCustomer[]) {
  const as = api(t, org);
  for (let i = 0; i < customers.length; i += 5000) {
    const batch = customers.slice(i, i + 5000);
    await as.ok('POST', '/api/v1/customers/batch', {
      customers: batch.map((c) => ({ externalId: c.externalId, name: c.name })),
    });
    const purchases = batch.filter((c) => c.purchasedDaysAgo !== undefined);
    if (purchases.length) {
      await as.ok('POST', '/api/v1/events/batch', {
        events: purchases.map((c) => ({
          id: `purchase-${c.externalId}`,
          type: 'purchase',
          customerExternalId: c.externalId,
          occurredAt: new Date(t.clock.now().getTime() - c.purchasedDaysAgo! * 86_400_000).toISOString(),
          amount: 1000,
        })),
      });
    }
  }
  await t.ctx.jobs.runDue();
  await recomputeRfmScores(t.ctx, org.orgId);
  const ids = await t.ctx.db.queryOwner<{ id: string; external_id: string }>(
    'select id, external_id from customers where org_id = $1',
    [org.orgId],
  );
  const idOf = new Map(ids.map((r) => [r.external_id, r.id]));
  const scored = customers.filter((c) => c.aliveProbability !== undefined);
  await t.ctx.db.withOrg(org.orgId, (tx) =>
    supplyAliveProbabilities(
      t.ctx,
      tx,
      org.orgId,
      scored.map((c) => ({
        customerId: idOf.get(c.externalId)!,
        aliveProbability: c.aliveProbability!,
        clvMinor: c.clvMinor,
      })),
    ),
  );
}
