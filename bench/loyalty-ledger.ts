// The points ledger's figures: earns per second on PGlite and PostgreSQL against a plain single-row
// insert in the same run, and what earning costs an events batch. Run alone with
// `npx tsx bench/loyalty-ledger.ts`, or through bench/run.ts (`npm run bench -- loyalty`).
import { pathToFileURL } from 'node:url';
import { sql } from 'drizzle-orm';
import { ensureCustomer } from '../src/modules/customers/api';
import { ingestEvents } from '../src/modules/customers/use-cases/ingest-events';
import { earnPoints } from '../src/modules/loyalty/api';
import { changeProgramSettings, createEarnRule } from '../src/modules/loyalty/use-cases/program';
import { createTestApp } from '../test/helpers/app';
import type { BenchResult } from './types';

const EARNS = Number(process.env.BENCH_EARNS ?? 1_500);
const CUSTOMERS = 200;
const BATCHES = Number(process.env.BENCH_EARN_BATCHES ?? 10);
const BATCH = 1_000;

/**
 * Earns per second: one `earnPoints` per transaction (customer and account locked, a lot, an entry
 * and its link written, the account moved, the webhook event announced) against a single-row insert
 * in its own transaction, in the same run; and purchases through the events batch API's use case,
 * 1,000 a batch, with the program earning (rules read, accounts locked, entries, lots and links in a
 * few statements per batch) against the same batches of an organization without a program.
 */
export async function benchEarns(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const engine of ['pglite', 'postgres'] as const) {
    const t = await createTestApp(engine);
    try {
      const org = await t.createOrg();
      const plain = await t.createOrg();
      const shop = await t.createOrg();
      const { orgId } = org;
      const customerIds = await t.ctx.db.withOrg(orgId, async (tx) => {
        const ids: string[] = [];
        for (let i = 0; i < CUSTOMERS; i++)
          ids.push(await ensureCustomer(t.ctx, tx, orgId, `bench-earner-${i}`));
        return ids;
      });
      const perSecond = async (n: number, one: (i: number) => Promise<unknown>) => {
        const start = performance.now();
        for (let i = 0; i < n; i++) await one(i);
        return n / ((performance.now() - start) / 1000);
      };
      const insertOne = (i: number) =>
        t.ctx.db.withOrg(orgId, (tx) =>
          tx.execute(
            sql`insert into idempotency_keys (org_id, key, method, path, body_hash, state, created_at)
                values (${orgId}::uuid, ${`bench-earn-${engine}-${i}-${Math.random()}`}, 'POST', '/bench', 'x', 'done', now())`,
          ),
        );
      const earnOne = (i: number) =>
        t.ctx.db.withOrg(orgId, (tx) =>
          earnPoints(t.ctx, tx, {
            orgId,
            customerId: customerIds[i % CUSTOMERS],
            points: 10,
            reason: 'Bench points',
            source: { kind: 'manual' },
            expiresAt: new Date(t.clock.now().getTime() + (1 + (i % 12)) * 30 * 86_400_000),
          }),
        );
      await perSecond(50, insertOne);
      await perSecond(50, earnOne);
      const baseline = await perSecond(EARNS, insertOne);
      const rate = await perSecond(EARNS, earnOne);
      results.push({
        name: `earns per second, one at a time (${engine})`,
        value: rate,
        unit: '/s',
        baseline,
        higherIsBetter: true,
        note: `${(rate / baseline).toFixed(2)} of a single-row insert in its own transaction`,
      });

      await changeProgramSettings(t.ctx, shop.orgId, { active: true, expiry: 'end_of_year' });
      await createEarnRule(t.ctx, shop.orgId, { name: 'Per unit', kind: 'amount', pointsPerUnit: 1 });
      await createEarnRule(t.ctx, shop.orgId, {
        name: 'Pastry',
        kind: 'category',
        match: 'pastry',
        pointsPerItem: 5,
      });
      let seq = 0;
      const batchOf = (prefix: string) =>
        Array.from({ length: BATCH }, () => {
          const n = seq++;
          return {
            id: `${prefix}-${n}`,
            type: 'purchase',
            customerExternalId: `bench-earner-${n % CUSTOMERS}`,
            occurredAt: new Date(t.clock.now().getTime() - (n % 300) * 86_400_000).toISOString(),
            amount: 1000 + (n % 50) * 100,
            items: [{ sku: 'cake', category: 'pastry', quantity: 1, priceMinor: 1000 }],
          };
        });
      const eventsPerSecond = async (target: string, prefix: string) => {
        const start = performance.now();
        for (let b = 0; b < BATCHES; b++) await ingestEvents(t.ctx, target, batchOf(prefix));
        return (BATCHES * BATCH) / ((performance.now() - start) / 1000);
      };
      await eventsPerSecond(plain.orgId, `warm-plain-${engine}`);
      await eventsPerSecond(shop.orgId, `warm-earn-${engine}`);
      const without = await eventsPerSecond(plain.orgId, `plain-${engine}`);
      const earning = await eventsPerSecond(shop.orgId, `earn-${engine}`);
      results.push({
        name: `purchases earned per second through the events batch, ${BATCH} a batch (${engine})`,
        value: earning,
        unit: '/s',
        baseline: without,
        higherIsBetter: true,
        note: `${(earning / without).toFixed(2)} of the same batches in an organization without a program`,
      });
    } finally {
      await t.close();
    }
  }
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const r of await benchEarns()) console.log(r);
}
