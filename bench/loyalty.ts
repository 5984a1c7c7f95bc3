// The loyalty module's figures. Run alone with `npx tsx bench/loyalty.ts`, or through bench/run.ts
// (`npm run bench -- loyalty`); each part of the module has its exported function below.
import { pathToFileURL } from 'node:url';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import { migrate } from '../src/db/migrate';
import { openPglite } from '../src/db/pglite';
import { ManualClock } from '../src/lib/clock';
import { createRandom } from '../src/lib/seeded-random';
import { ensureCustomer, findCustomerByExternalId } from '../src/modules/customers/api';
import { earnPoints } from '../src/modules/loyalty/api';
import {
  BasketBuilder,
  ItemDictionary,
  mineAssociationRules,
} from '../src/modules/loyalty/domain/association-rules';
import { changeBasketSettings, mineBasketRules } from '../src/modules/loyalty/use-cases/basket-rules';
import { recommendFor } from '../src/modules/loyalty/use-cases/recommendations';
import { redeem } from '../src/modules/loyalty/use-cases/redemptions';
import { createReward } from '../src/modules/loyalty/use-cases/rewards';
import { createOrg } from '../src/modules/orgs/use-cases/accounts';
import { createAppContext } from '../src/runtime';
import { createTestApp } from '../test/helpers/app';
import type { BenchResult } from './types';

const LINE_ITEMS = 10_000_000;
const CATALOGUE = 3_000;

/**
 * Basket rules: 10,000,000 purchase line items (about 2,000,000 baskets over 3,000 items with a
 * Zipf-like popularity and planted companions, seeded) read through the item dictionary and mined
 * at support ≥ 0.0005, confidence ≥ 0.1, up to 4 items; the budget is 60 s, peak memory reported.
 */
export async function benchBasketRules(): Promise<BenchResult[]> {
  const rnd = createRandom(20_261_203);
  const codes = Array.from({ length: CATALOGUE }, (_, i) => `sku-${String(i).padStart(5, '0')}`);
  // popularity ∝ 1 / (rank + 10)
  const cdf = new Float64Array(CATALOGUE);
  let sum = 0;
  for (let i = 0; i < CATALOGUE; i++) {
    sum += 1 / (i + 10);
    cdf[i] = sum;
  }
  const draw = () => {
    const u = rnd.next() * sum;
    let lo = 0;
    let hi = CATALOGUE - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  // Line items as code indexes, baskets ended by −1: what reading purchases hands the miner.
  const lines = new Int32Array(LINE_ITEMS + LINE_ITEMS / 2);
  let length = 0;
  let written = 0;
  let baskets = 0;
  while (written < LINE_ITEMS) {
    const size = 1 + Math.floor(rnd.next() * 8);
    for (let j = 0; j < size && written < LINE_ITEMS; j++) {
      const item = draw();
      lines[length++] = item;
      written++;
      // every tenth item has a companion bought with it two times in five
      if (item % 10 === 0 && rnd.next() < 0.4 && written < LINE_ITEMS) {
        lines[length++] = (item + 7) % CATALOGUE;
        written++;
      }
    }
    lines[length++] = -1;
    baskets++;
  }

  const rssBefore = process.memoryUsage().rss;
  const start = performance.now();
  const dictionary = new ItemDictionary();
  const builder = new BasketBuilder();
  for (let p = 0; p < length; p++) {
    const v = lines[p];
    if (v < 0) builder.close();
    else builder.add(dictionary.idOf(codes[v]));
  }
  const data = builder.build();
  const readMs = performance.now() - start;
  const result = mineAssociationRules(data, { minSupport: 0.0005, minConfidence: 0.1, maxLength: 4 });
  const totalMs = performance.now() - start;
  const peakRss = process.resourceUsage().maxRSS * 1024;
  const note = `${baskets.toLocaleString('en')} baskets, ${result.frequentItems} frequent of ${result.items} items, ${result.itemsets.toLocaleString('en')} itemsets, ${result.rules.length.toLocaleString('en')} rules; reading ${(readMs / 1000).toFixed(1)} s`;
  return [
    { name: 'basket rules: mine 10M line items', value: totalMs / 1000, unit: 's', budget: 60, note },
    {
      name: 'basket rules: peak memory (process)',
      value: peakRss / 2 ** 20,
      unit: 'MB',
      note: `the generated input alone holds ${(lines.byteLength / 2 ** 20) | 0} MB; RSS before mining ${(rssBefore / 2 ** 20).toFixed(0)} MB`,
    },
  ];
}

/** An embedded PGlite app on a fixed clock with one organization in euros on UTC: the set-up of the figures below. */
async function embeddedShop(name: string, slug: string) {
  const db = await openPglite();
  await migrate(db);
  const clock = new ManualClock(new Date('2026-03-02T12:00:00Z'));
  const config = loadConfig({ LOG_LEVEL: 'silent', ORIENTIR_SECRET: 'bench-secret-0123456789abcdef' });
  const ctx = await createAppContext({ config, db, clock });
  const app = await buildApp({ ctx, logger: false });
  await app.ready();
  const org = await createOrg(db, {
    name,
    slug,
    ownerEmail: 'owner@bench.example',
    baseCurrency: 'EUR',
    timeZone: 'UTC',
  });
  return { db, ctx, app, org, clock };
}

const SHOP_CUSTOMERS = 4_000;
const SHOP_PURCHASES = 20_000;
const SHOP_ITEMS = 300;

/**
 * Basket rules through the database (embedded PGlite): 20,000 purchases with items of 4,000
 * customers sent through the events API, the mining job's read and mining, then the
 * recommendations of 500 customers, one transaction each (the offers' budget is 50 ms p95).
 */
export async function benchBasketRecommendations(): Promise<BenchResult[]> {
  const { db, ctx, app, org, clock } = await embeddedShop('Bench café', 'bench-basket');
  try {
    const rnd = createRandom(4242);
    const item = (k: number) => ({ sku: `I${k}`, name: `Item ${k}`, quantity: 1, priceMinor: 500 + k });
    let lineItems = 0;
    for (let start = 0; start < SHOP_PURCHASES; start += 1000) {
      const events = Array.from({ length: 1000 }, (_, j) => {
        const i = start + j;
        const size = 1 + Math.floor(rnd.next() * 5);
        const picked = new Set<number>();
        for (let k = 0; k < size; k++) {
          const x = Math.floor(SHOP_ITEMS * rnd.next() ** 2);
          picked.add(x);
          if (x % 5 === 0 && rnd.next() < 0.5) picked.add((x + 1) % SHOP_ITEMS);
        }
        lineItems += picked.size;
        return {
          id: `p-${i}`,
          type: 'purchase',
          customerExternalId: `c-${i % SHOP_CUSTOMERS}`,
          occurredAt: new Date(
            clock.now().getTime() - (1 + Math.floor(rnd.next() * 300)) * 86_400_000,
          ).toISOString(),
          amount: 2000,
          currency: 'EUR',
          items: [...picked].map(item),
        };
      });
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/events/batch',
        headers: { authorization: `Bearer ${org.apiKey}` },
        payload: { events },
      });
      if (res.statusCode >= 300) throw new Error(`events batch answered ${res.statusCode}`);
    }
    await changeBasketSettings(ctx, org.orgId, { minSupport: 0.002, minConfidence: 0.1, maxLength: 3 });
    const mineStart = performance.now();
    await mineBasketRules(ctx, org.orgId);
    const mineMs = performance.now() - mineStart;
    const ids: string[] = [];
    for (let i = 0; i < 500; i++) {
      const c = await ctx.db.withOrg(org.orgId, (tx) =>
        findCustomerByExternalId(tx, org.orgId, `c-${i * 7}`),
      );
      if (c) ids.push(c.id);
    }
    const times: number[] = [];
    let recommended = 0;
    for (const id of ids) {
      const t0 = performance.now();
      const items = await ctx.db.withOrg(org.orgId, (tx) => recommendFor(ctx, tx, org.orgId, id, 5));
      times.push(performance.now() - t0);
      recommended += items.length;
    }
    times.sort((a, b) => a - b);
    const p95 = times[Math.floor(times.length * 0.95)];
    // The same customers' plain lookup by external id, one transaction each: what any per-customer read costs here.
    const plain: number[] = [];
    for (let i = 0; i < ids.length; i++) {
      const t0 = performance.now();
      await ctx.db.withOrg(org.orgId, (tx) => findCustomerByExternalId(tx, org.orgId, `c-${i * 7}`));
      plain.push(performance.now() - t0);
    }
    plain.sort((a, b) => a - b);
    await app.close();
    return [
      {
        name: 'basket rules: mining job on PGlite (20,000 purchases)',
        value: mineMs / 1000,
        unit: 's',
        note: `${lineItems.toLocaleString('en')} line items read through the cursor and mined; ${((lineItems / mineMs) * 1000).toFixed(0)} line items/s`,
      },
      {
        name: 'basket rules: recommendations for one customer, p95 (PGlite)',
        value: p95,
        unit: 'ms',
        budget: 50,
        baseline: plain[Math.floor(plain.length * 0.95)],
        note: `${ids.length} customers, median ${times[Math.floor(times.length / 2)].toFixed(1)} ms, ${(recommended / ids.length).toFixed(1)} items each`,
      },
    ];
  } finally {
    await db.close();
  }
}

const OFFER_CUSTOMERS = 4_000;
const OFFER_PURCHASES = 20_000;

/**
 * Offers for one customer: `GET /api/v1/customers/{externalId}/offers` through the HTTP layer on
 * PGlite, with eight rule offers (stages, RFM segments, attributes) and one whose items come from
 * the basket rules (mined from 20,000 purchases of 4,000 customers), for 500 customers: the first
 * ask (exposures recorded, holdout drawn) and a repeat. Budget: 50 ms p95.
 */
export async function benchOffers(): Promise<BenchResult[]> {
  const { db, ctx, app, org, clock } = await embeddedShop('Bench offers', 'bench-offers');
  try {
    // Each API key may make 1,200 requests a minute, and the figures ask faster than that: the
    // requests take turns among keys of their own, as several clients of one company would.
    const keys = [org.apiKey];
    let turn = 0;
    const call = async (method: 'GET' | 'POST', url: string, payload?: unknown) => {
      const res = await app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${keys[turn++ % keys.length]}` },
        payload: payload as object,
      });
      if (res.statusCode >= 300) throw new Error(`${method} ${url} answered ${res.statusCode}: ${res.body}`);
      return res.json();
    };
    for (let i = 1; i < 8; i++) {
      const key = await call('POST', '/api/v1/api-keys', { name: `bench client ${i}`, scopes: ['admin'] });
      keys.push(key.apiKey);
    }
    const rnd = createRandom(5454);
    for (let start = 0; start < OFFER_CUSTOMERS; start += 1000) {
      await call('POST', '/api/v1/customers/batch', {
        customers: Array.from({ length: 1000 }, (_, j) => ({
          externalId: `c-${start + j}`,
          attributes: { vip: (start + j) % 3 === 0, city: ['Praha', 'Brno'][(start + j) % 2] },
        })),
      });
    }
    for (let start = 0; start < OFFER_PURCHASES; start += 1000) {
      const events = Array.from({ length: 1000 }, (_, j) => {
        const i = start + j;
        const picked = new Set<number>();
        for (let k = 1 + Math.floor(rnd.next() * 4); k > 0; k--) {
          const x = Math.floor(300 * rnd.next() ** 2);
          picked.add(x);
          if (x % 5 === 0 && rnd.next() < 0.5) picked.add((x + 1) % 300);
        }
        return {
          id: `p-${i}`,
          type: 'purchase',
          customerExternalId: `c-${i % OFFER_CUSTOMERS}`,
          occurredAt: new Date(
            clock.now().getTime() - (1 + Math.floor(rnd.next() * 300)) * 86_400_000,
          ).toISOString(),
          amount: 2000,
          currency: 'EUR',
          items: [...picked].map((k) => ({
            sku: `I${k}`,
            name: `Item ${k}`,
            quantity: 1,
            priceMinor: 500 + k,
          })),
        };
      });
      await call('POST', '/api/v1/events/batch', { events });
    }
    await call('POST', '/api/v1/analytics/rfm/recompute').catch(() => undefined);
    await changeBasketSettings(ctx, org.orgId, { minSupport: 0.002, minConfidence: 0.1, maxLength: 3 });
    await mineBasketRules(ctx, org.orgId);
    const startsAt = new Date(clock.now().getTime() - 86_400_000).toISOString();
    const rules = [
      { stages: ['regular', 'loyal'] },
      { stages: ['buyer'] },
      { attributes: { vip: true } },
      { attributes: { city: 'Brno' }, stages: ['regular'] },
      { segments: ['champions', 'loyal_customers'] },
      { segments: ['at_risk'], stages: ['lost', 'regular'] },
      { items: ['I1', 'I2'], stages: ['regular'] },
      {},
    ];
    for (const [i, r] of rules.entries())
      await call('POST', '/api/v1/loyalty/offers', {
        name: `Offer ${i}`,
        kind: 'discount',
        startsAt,
        holdoutShare: 0.1,
        priority: i,
        ...r,
      });
    await call('POST', '/api/v1/loyalty/offers', {
      name: 'Picked for you',
      kind: 'product',
      source: 'recommendation',
      startsAt,
      holdoutShare: 0.1,
    });
    const ask = async () => {
      const times: number[] = [];
      let shown = 0;
      for (let i = 0; i < 500; i++) {
        const t0 = performance.now();
        const res = await call('GET', `/api/v1/customers/c-${i * 7}/offers`);
        times.push(performance.now() - t0);
        shown += res.items.length;
      }
      times.sort((a, b) => a - b);
      return {
        p95: times[Math.floor(times.length * 0.95)],
        median: times[times.length >> 1],
        shown: shown / 500,
      };
    };
    const first = await ask();
    const again = await ask();
    // One offer read by id through the same HTTP, key check and transaction: what any request costs here.
    const { items } = await call('GET', '/api/v1/loyalty/offers?limit=1');
    const plain: number[] = [];
    for (let i = 0; i < 500; i++) {
      const t0 = performance.now();
      await call('GET', `/api/v1/loyalty/offers/${items[0].id}`);
      plain.push(performance.now() - t0);
    }
    plain.sort((a, b) => a - b);
    const baseline = plain[Math.floor(plain.length * 0.95)];
    await app.close();
    return [
      {
        name: 'offers: one customer’s offers, first ask, p95 (PGlite, HTTP)',
        value: first.p95,
        unit: 'ms',
        budget: 50,
        baseline,
        note: `9 offers (one from basket rules), 500 customers, median ${first.median.toFixed(1)} ms, ${first.shown.toFixed(1)} offers shown each; exposures recorded`,
      },
      {
        name: 'offers: one customer’s offers, asked again, p95 (PGlite, HTTP)',
        value: again.p95,
        unit: 'ms',
        budget: 50,
        baseline,
        note: `median ${again.median.toFixed(1)} ms; baseline: one offer read by id, p95`,
      },
    ];
  } finally {
    await db.close();
  }
}

const REDEEM_CUSTOMERS = 100;
const REDEEM_ROUNDS = Number(process.env.BENCH_REDEMPTIONS ?? 1_500);
const REDEEM_WORKERS = 8;

/**
 * Redemptions per second through the use case the API calls (reward locked, points spent from the
 * soonest-expiring lots with the account locked, stock taken, redemption stored and announced),
 * against a plain single-row insert in its own transaction in the same run, on PGlite and PostgreSQL;
 * PostgreSQL also with 8 redemptions at once over different customers.
 */
export async function benchRedemptions(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const engine of ['pglite', 'postgres'] as const) {
    const t = await createTestApp(engine);
    try {
      const org = await t.createOrg();
      const { orgId } = org;
      const ids = Array.from({ length: REDEEM_CUSTOMERS }, (_, i) => `bench-redeemer-${i}`);
      await t.ctx.db.withOrg(orgId, async (tx) => {
        for (const externalId of ids) {
          const customerId = await ensureCustomer(t.ctx, tx, orgId, externalId);
          // Several lots each, so a spend walks a few of them.
          for (let lot = 0; lot < 4; lot++)
            await earnPoints(t.ctx, tx, {
              orgId,
              customerId,
              points: 1_000_000,
              reason: 'Bench points',
              source: { kind: 'manual' },
              expiresAt: new Date(t.clock.now().getTime() + (lot + 1) * 30 * 86_400_000),
            });
        }
      });
      const reward = await createReward(t.ctx, orgId, {
        name: 'Bench coffee',
        description: null,
        pointsCost: 10,
        stock: 10_000_000,
        perCustomerLimit: null,
        limitPeriod: 'month',
        activeFrom: null,
        activeTo: null,
        active: true,
      });
      const perSecond = async (n: number, workers: number, one: (i: number) => Promise<unknown>) => {
        let next = 0;
        const start = performance.now();
        await Promise.all(
          Array.from({ length: workers }, async () => {
            for (let i = next++; i < n; i = next++) await one(i);
          }),
        );
        return n / ((performance.now() - start) / 1000);
      };
      const insertOne = (i: number) =>
        t.ctx.db.withOrg(orgId, (tx) =>
          tx.execute(
            sql`insert into idempotency_keys (org_id, key, method, path, body_hash, state, created_at)
                values (${orgId}::uuid, ${`bench-${engine}-${i}-${Math.random()}`}, 'POST', '/bench', 'x', 'done', now())`,
          ),
        );
      const redeemOne = (i: number) =>
        redeem(t.ctx, orgId, { customerExternalId: ids[i % ids.length], rewardId: reward.id });
      // Points alone: concurrent redemptions of different customers share no lock.
      const redeemPoints = (i: number) =>
        redeem(t.ctx, orgId, { customerExternalId: ids[i % ids.length], points: 10 });
      // Warm both paths, then measure.
      await perSecond(50, 1, insertOne);
      await perSecond(50, 1, redeemOne);
      const baseline = await perSecond(REDEEM_ROUNDS, 1, insertOne);
      const rate = await perSecond(REDEEM_ROUNDS, 1, redeemOne);
      results.push({
        name: `redemptions per second, one at a time (${engine})`,
        value: rate,
        unit: '/s',
        baseline,
        higherIsBetter: true,
        note: `${(rate / baseline).toFixed(2)} of a single-row insert in its own transaction`,
      });
      if (engine === 'postgres') {
        const base8 = await perSecond(REDEEM_ROUNDS, REDEEM_WORKERS, insertOne);
        const rate8 = await perSecond(REDEEM_ROUNDS, REDEEM_WORKERS, redeemPoints);
        const reward8 = await perSecond(REDEEM_ROUNDS, REDEEM_WORKERS, redeemOne);
        results.push({
          name: `redemptions of one reward per second, ${REDEEM_WORKERS} at once (postgres)`,
          value: reward8,
          unit: '/s',
          baseline: base8,
          higherIsBetter: true,
          note: `${(reward8 / base8).toFixed(2)} of single-row inserts at the same concurrency: the reward's stock row makes them take turns`,
        });
        results.push({
          name: `redemptions of points per second, ${REDEEM_WORKERS} at once over ${REDEEM_CUSTOMERS} customers (postgres)`,
          value: rate8,
          unit: '/s',
          baseline: base8,
          higherIsBetter: true,
          note: `${(rate8 / base8).toFixed(2)} of single-row inserts at the same concurrency`,
        });
      }
    } finally {
      await t.close();
    }
  }
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const r of await benchBasketRules()) console.log(r);
  for (const r of await benchBasketRecommendations()) console.log(r);
  for (const r of await benchOffers()) console.log(r);
  for (const r of await benchRedemptions()) console.log(r);
}
