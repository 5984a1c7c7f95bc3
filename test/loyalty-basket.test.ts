import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCustomerByExternalId } from '../src/modules/customers/api';
import { recommendFor } from '../src/modules/loyalty/use-cases/recommendations';
import { type Api, api } from './helpers/api';
import { createTestApp, type TestApp, type TestOrg } from './helpers/app';
import { postEvents } from './helpers/cdnow';
import { ENGINES } from './helpers/db';

const PIZZA = { sku: 'P1', name: 'Pizza Margherita', category: 'pizza', quantity: 1, priceMinor: 2500 };
const PASTA = { sku: 'P2', name: 'Penne', category: 'pasta', quantity: 1, priceMinor: 2200 };
// no sku: named by its name; only a category: named by the category
const COLA = { name: 'Cola', quantity: 2 };
const DESSERT = { category: 'desserts' };

/**
 * Twenty baskets, two per customer (January and February 2026; the clock is 2026-03-02):
 * c1–c4 pizza + pasta, c5 pizza + cola, c6–c7 cola, c8–c9 pasta + dessert, c10 all three but cola.
 * Counts: pizza 12, pasta 14, pizza+pasta 10, dessert 6, pasta+dessert 6, pizza+pasta+dessert 2.
 * At support ≥ 0.1 and confidence ≥ 0.5 that is four rules:
 *   pizza → pasta          10/12 = 0.833, lift 20·10/(12·14) = 1.1905
 *   pasta → pizza          10/14 = 0.714, lift 1.1905
 *   dessert → pasta         6/6  = 1,     lift 20·6/(6·14)   = 1.4286
 *   {dessert, pizza} → pasta 2/2 = 1,     lift 1.4286
 */
function purchases(prefix = '') {
  const plan: [string, Record<string, unknown>[]][] = [
    ['c1', [PIZZA, PASTA]],
    ['c2', [PIZZA, PASTA]],
    ['c3', [PASTA, PIZZA]],
    ['c4', [PIZZA, PASTA, PIZZA]],
    ['c5', [PIZZA, COLA]],
    ['c6', [COLA]],
    ['c7', [COLA]],
    ['c8', [PASTA, DESSERT]],
    ['c9', [PASTA, DESSERT]],
    ['c10', [PIZZA, PASTA, DESSERT]],
  ];
  return plan.flatMap(([who, items]) =>
    ['2026-01-10', '2026-02-10'].map((day) => ({
      id: `${prefix}${who}-${day}`,
      type: 'purchase',
      customerExternalId: `${prefix}${who}`,
      occurredAt: `${day}T12:00:00Z`,
      amount: 3000,
      currency: 'EUR',
      items,
    })),
  );
}

type Rule = {
  id: string;
  antecedent: string[];
  antecedentNames: string[];
  consequent: string;
  consequentName: string;
  count: number;
  antecedentCount: number;
  confidence: number;
  lift: number;
  liftLower: number;
};

describe.each(ENGINES)('basket rules on %s', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  let other: TestOrg;
  let as: Api;

  beforeAll(async () => {
    t = await createTestApp(engine);
    org = await t.createOrg();
    other = await t.createOrg();
    as = api(t, org);
    await postEvents(t, org, [
      ...purchases(),
      // not purchases, or without items: not baskets
      { id: 'v1', type: 'visit', customerExternalId: 'c6', occurredAt: '2026-02-11T10:00:00Z' },
      {
        id: 'p-empty',
        type: 'purchase',
        customerExternalId: 'c6',
        occurredAt: '2026-02-12T10:00:00Z',
        amount: 100,
      },
      // outside the default 365-day window
      {
        id: 'old',
        type: 'purchase',
        customerExternalId: 'c6',
        occurredAt: '2024-01-01T10:00:00Z',
        items: [COLA, DESSERT],
      },
    ]);
    await postEvents(t, other, purchases('o-').slice(0, 6));
  });
  afterAll(() => t?.close());

  const mine = async (who: Api) => {
    const res = await who.post('/api/v1/loyalty/basket-rules/mine', {});
    expect(res.status).toBe(202);
    await t.ctx.jobs.runDue();
    return res.body as { runId: string; jobId: number };
  };
  const allRules = async (who: Api, query = '') => {
    const items: Rule[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/loyalty/basket-rules?limit=1${query}${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await who.get(url);
      expect(res.status).toBe(200);
      items.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    return items;
  };

  it('mines the purchases’ items with the organization’s thresholds', async () => {
    expect((await as.get('/api/v1/settings/basket-rules')).body).toEqual({
      minSupport: 0.005,
      minConfidence: 0.2,
      maxLength: 3,
      windowDays: 365,
      recentBaskets: 5,
    });
    const changed = await as.patch('/api/v1/settings/basket-rules', { minSupport: 0.1, minConfidence: 0.5 });
    expect(changed.status).toBe(200);
    expect(changed.body.minSupport).toBe(0.1);

    const { runId, jobId } = await mine(as);
    expect((await as.get(`/api/v1/jobs/${jobId}`)).body.status).toBe('done');
    const runs = (await as.get('/api/v1/loyalty/basket-rules/runs')).body.items;
    expect(runs[0]).toMatchObject({
      id: runId,
      status: 'done',
      trigger: 'request',
      baskets: 20,
      lineItems: 40,
      items: 4,
      rules: 4,
      minSupport: 0.1,
    });

    const rules = await allRules(as);
    const shown = rules.map((r) => `${r.antecedent.join('+')}→${r.consequent}`);
    expect(shown.sort()).toEqual(['P1→P2', 'P2→P1', 'P1+desserts→P2', 'desserts→P2'].sort());
    const pizzaPasta = rules.find((r) => r.antecedent.join() === 'P1' && r.consequent === 'P2');
    expect(pizzaPasta).toMatchObject({
      antecedentNames: ['Pizza Margherita'],
      consequentName: 'Penne',
      count: 10,
      antecedentCount: 12,
    });
    expect(pizzaPasta?.confidence).toBeCloseTo(10 / 12, 10);
    expect(pizzaPasta?.lift).toBeCloseTo(200 / 168, 10);
    // sorted by the lift bound, highest first
    const bounds = rules.map((r) => r.liftLower);
    expect(bounds).toEqual([...bounds].sort((a, b) => b - a));
    const pair = rules.find((r) => r.antecedent.length === 2);
    expect(pair?.antecedent).toEqual(['P1', 'desserts']);
    expect(pair?.antecedentNames).toEqual(['Pizza Margherita', 'desserts']);
  });

  it('filters by item on either side, pages, and refuses a cursor of replaced rules', async () => {
    expect((await allRules(as, '&item=desserts')).map((r) => r.consequent)).toEqual(['P2', 'P2']);
    expect((await allRules(as, '&item=P1')).length).toBe(3);
    expect((await allRules(as, '&item=Cola')).length).toBe(0);
    const first = await as.get('/api/v1/loyalty/basket-rules?limit=1');
    await mine(as);
    const stale = await as.get(`/api/v1/loyalty/basket-rules?limit=1&cursor=${first.body.nextCursor}`);
    expect(stale.status).toBe(400);
    expect(stale.body.errors[0].field).toBe('query.cursor');
    const bad = await as.get('/api/v1/loyalty/basket-rules?cursor=bm90IGEgY3Vyc29y');
    expect(bad.status).toBe(400);
    const badSettings = await as.patch('/api/v1/settings/basket-rules', { maxLength: 9 });
    expect(badSettings.status).toBe(400);
    expect(badSettings.body.errors[0].field).toBe('body.maxLength');
  });

  it('recommends what a customer has not bought, with the rule behind it, in the profile', async () => {
    const profile = (await as.get('/api/v1/customers/c5')).body;
    expect(profile.basketRecommendations).toHaveLength(1);
    const [rec] = profile.basketRecommendations;
    expect(rec).toMatchObject({
      item: 'P2',
      name: 'Penne',
      valueSource: 'recent_spend',
      expectedValueMinor: 6000,
      rule: { antecedent: ['P1'], antecedentNames: ['Pizza Margherita'] },
    });
    expect(rec.score).toBeCloseTo(rec.rule.liftLower * 6000, 6);
    // c1 bought both already; c6 only cola (no rule applies)
    for (const who of ['c1', 'c6']) {
      expect((await as.get(`/api/v1/customers/${who}`)).body.basketRecommendations).toEqual([]);
    }
    // c8: pasta → pizza (dessert → pasta names pasta, bought already)
    const c8 = (await as.get('/api/v1/customers/c8')).body.basketRecommendations;
    expect(
      c8.map((r: { item: string; rule: { antecedent: string[] } }) => [r.item, r.rule.antecedent]),
    ).toEqual([['P1', ['P2']]]);
    const exported = (await as.get('/api/v1/customers/c5/export')).body;
    expect(exported.basketRecommendations.map((r: { item: string }) => r.item)).toEqual(['P2']);
  });

  it('keeps organizations apart', async () => {
    const theirs = api(t, other);
    expect((await theirs.get('/api/v1/loyalty/basket-rules')).body.items).toEqual([]);
    expect((await theirs.get('/api/v1/loyalty/basket-rules/runs')).body.items).toEqual([]);
    // their own purchases (c1–c3: pizza + pasta) mined with their own (default) thresholds
    await mine(theirs);
    const rules = await allRules(theirs);
    expect(rules.map((r) => `${r.antecedent.join('+')}→${r.consequent}`).sort()).toEqual(['P1→P2', 'P2→P1']);
    expect(rules[0].liftLower).toBeGreaterThan(0);
    expect((await allRules(as)).length).toBe(4);
    const mineIds = new Set((await allRules(as)).map((r) => r.id));
    const cursorOfTheirs = Buffer.from(JSON.stringify([rules[0].id])).toString('base64url');
    expect(mineIds.has(rules[0].id)).toBe(false);
    expect((await as.get(`/api/v1/loyalty/basket-rules?cursor=${cursorOfTheirs}`)).status).toBe(400);
  });

  it('mines every week for each organization with purchases', async () => {
    const before = (await as.get('/api/v1/loyalty/basket-rules/runs?limit=100')).body.items.length;
    t.clock.advance(8 * 86_400_000);
    await t.ctx.jobs.runDue();
    await t.ctx.jobs.runDue();
    const runs = (await as.get('/api/v1/loyalty/basket-rules/runs?limit=100')).body.items;
    expect(runs.length).toBe(before + 1);
    expect(runs[0]).toMatchObject({ trigger: 'schedule', status: 'done', requestedBy: null });
  });

  it('erasure leaves no basket of the person to recommend from', async () => {
    const c5 = await t.ctx.db.withOrg(org.orgId, (tx) => findCustomerByExternalId(tx, org.orgId, 'c5'));
    expect((await as.delete('/api/v1/customers/c5')).status).toBeLessThan(300);
    const after = await t.ctx.db.withOrg(org.orgId, (tx) => recommendFor(t.ctx, tx, org.orgId, c5!.id, 5));
    expect(after).toEqual([]);
  });
});
