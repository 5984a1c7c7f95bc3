import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCustomerByExternalId } from '../src/modules/customers/api';
import { registerCaseHoursSource } from '../src/modules/value/api';
import { type Api, api } from './helpers/api';
import { createTestApp, type TestApp, type TestOrg } from './helpers/app';
import { postEvents } from './helpers/cdnow';
import { problemOf } from './helpers/customers';
import { ENGINES } from './helpers/db';

const DAY_MS = 86_400_000;
/** The test clock is 2026-03-02T09:00Z; organizations are on UTC. */
const at = (isoDay: string) => `${isoDay}T10:00:00Z`;
const dayPlus = (isoDay: string, days: number) =>
  new Date(Date.parse(`${isoDay}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/**
 * 30 ordinary customers with 1–5 purchases three weeks apart; alice (two contacts this year, a
 * refund of 20% of her spend), bob (three hours of case handling), and carol, who bought every
 * week for 20 weeks and has been silent for the last 10 (alive probability near zero, yet
 * within the 180 days of the lifecycle's own "lost" rule).
 */
function purchaseHistory() {
  const events: Record<string, unknown>[] = [];
  const buy = (who: string, day: string, amount: number) =>
    events.push({
      id: `${who}-${day}`,
      type: 'purchase',
      customerExternalId: who,
      occurredAt: at(day),
      amount,
    });
  for (let k = 1; k <= 30; k++) {
    for (let p = 0; p <= k % 5; p++)
      buy(`v-${k}`, dayPlus('2025-03-10', (k % 10) * 7 + p * 21), 1_000 + 100 * k);
  }
  for (let p = 0; p < 6; p++) buy('alice', dayPlus('2025-08-25', p * 35), 5_000);
  events.push({
    id: 'alice-refund',
    type: 'refund',
    customerExternalId: 'alice',
    occurredAt: at('2026-01-15'),
    amount: 6_000,
  });
  events.push({ id: 'alice-c1', type: 'contact', customerExternalId: 'alice', occurredAt: at('2025-11-03') });
  events.push({ id: 'alice-c2', type: 'contact', customerExternalId: 'alice', occurredAt: at('2026-02-03') });
  // Outside the 12-month window of contacts: not counted.
  events.push({ id: 'alice-c0', type: 'contact', customerExternalId: 'alice', occurredAt: at('2025-02-03') });
  for (let p = 0; p < 4; p++) buy('bob', dayPlus('2025-09-01', p * 40), 3_000);
  for (let p = 0; p < 20; p++) buy('carol', dayPlus('2025-08-11', p * 7), 2_000);
  return events;
}

type Value = {
  externalId: string;
  aliveProbability: number;
  expectedPurchases: number;
  expectedSpendMinor: number;
  clvMinor: number;
  costToServeMinor: number;
  profitabilityMinor: number;
  tier: string;
};

const SETTINGS = {
  model: 'bgnbd',
  horizonMonths: 12,
  annualDiscountRate: 0.1,
  margin: 0.3,
  costPerOrderMinor: 150,
  costPerContactMinor: 500,
  costPerCaseHourMinor: 2_000,
  tierRule: {
    by: 'percentile',
    defaultTier: 'standard',
    tiers: [
      { tier: 'premium', min: 90 },
      { tier: 'priority', min: 70 },
    ],
  },
};

describe.each(ENGINES)('customer value API on %s', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  let other: TestOrg;
  let as: Api;
  const windows: { from: Date; before: Date }[] = [];
  const tierEvents: { customerId: string; from: string | null; to: string }[] = [];

  beforeAll(async () => {
    t = await createTestApp(engine);
    org = await t.createOrg();
    other = await t.createOrg();
    as = api(t, org);
    await postEvents(t, org, purchaseHistory());
    const bob = await t.ctx.db.withOrg(org.orgId, (tx) => findCustomerByExternalId(tx, org.orgId, 'bob'));
    registerCaseHoursSource(t.ctx, async (_tx, orgId, window) => {
      windows.push(window);
      return orgId === org.orgId ? [{ customerId: bob!.id, hours: 3 }] : [];
    });
    t.ctx.bus.on('customer.tier_changed', async (_tx, e) => {
      tierEvents.push({ customerId: e.customerId, from: e.from, to: e.to });
    });
  });
  afterAll(() => t?.close());

  const listAll = async (query = ''): Promise<Value[]> => {
    const items: Value[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/analytics/value/customers?limit=7${query}${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await as.get(url);
      expect(res.status).toBe(200);
      const page = res.body;
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  };

  it('answers bad input with problem+json naming the field', async () => {
    const bad = async (method: 'GET' | 'POST', url: string, body: unknown, field: string) => {
      const res = await as.call(method, url, body);
      expect(res.status, `${url} ${JSON.stringify(body)}`).toBe(400);
      expect(problemOf(res).errors?.map((e) => e.field)).toContain(field);
    };
    const fit = '/api/v1/analytics/value/fit';
    await bad('POST', fit, { until: '2026-03-03' }, 'body.until');
    await bad('POST', fit, { until: '2026-02-30' }, 'body.until');
    await bad('POST', fit, { until: 'yesterday' }, 'body.until');
    await bad('POST', fit, { timeUnit: 'month' }, 'body.timeUnit');
    await bad('POST', fit, { until: '2026-01-01', holdoutUntil: '2026-01-01' }, 'body.holdoutUntil');
    await bad('POST', fit, { until: '2026-01-01', holdoutUntil: '2026-03-03' }, 'body.holdoutUntil');
    await bad('GET', '/api/v1/analytics/value/customers?sort=name', undefined, 'query.sort');
    await bad('GET', '/api/v1/analytics/value/customers?cursor=bm90IGEgY3Vyc29y', undefined, 'query.cursor');
    await bad('GET', '/api/v1/analytics/value/customers?tier=Gold%20Plus', undefined, 'query.tier');
    await bad('GET', '/api/v1/analytics/value/distribution?bins=0', undefined, 'query.bins');
    const put = (body: unknown) => as.put('/api/v1/value/settings', body);
    const cases: [unknown, string][] = [
      [{ ...SETTINGS, margin: 1.5 }, 'body.margin'],
      [{ ...SETTINGS, horizonMonths: 0 }, 'body.horizonMonths'],
      [{ ...SETTINGS, costPerOrderMinor: -1 }, 'body.costPerOrderMinor'],
      [{ ...SETTINGS, model: 'lifetimes' }, 'body.model'],
      [
        { ...SETTINGS, tierRule: { ...SETTINGS.tierRule, tiers: [{ tier: 'premium', min: 120 }] } },
        'body.tierRule.tiers.0.min',
      ],
      [
        {
          ...SETTINGS,
          tierRule: {
            ...SETTINGS.tierRule,
            tiers: [
              { tier: 'gold', min: 1 },
              { tier: 'gold', min: 2 },
            ],
          },
        },
        'body.tierRule.tiers.1.tier',
      ],
      [{ ...SETTINGS, tierRule: undefined }, 'body.tierRule'],
    ];
    for (const [body, field] of cases) {
      const res = await put(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(problemOf(res).errors?.map((e) => e.field)).toContain(field);
    }
  });

  it('reports an organization without purchases instead of failing', async () => {
    const otherApi = api(t, other);
    const missing = await otherApi.get('/api/v1/analytics/value');
    expect(missing.status).toBe(404);
    expect(problemOf(missing).detail).toContain('POST /api/v1/analytics/value/fit');
    expect((await otherApi.post('/api/v1/analytics/value/fit', {})).status).toBe(202);
    await t.ctx.jobs.runDue();
    const report = (await otherApi.get('/api/v1/analytics/value')).body;
    expect(report).toMatchObject({ until: '2026-03-02', timeUnit: 'week', currency: 'EUR', customers: 0 });
    expect(report.models).toEqual({ bgnbd: null, paretoNbd: null, gammaGamma: null });
    expect(report.warnings).toEqual(['noCustomers']);
    expect(report.holdout).toBeUndefined();
    const dist = (await otherApi.get('/api/v1/analytics/value/distribution')).body;
    expect(dist).toMatchObject({ customers: 0, histogram: [], tiers: [], scoredAt: null });
    expect((await otherApi.get('/api/v1/analytics/value/customers')).body).toEqual({
      items: [],
      nextCursor: null,
    });
  });

  it('keeps neutral default settings until they are replaced', async () => {
    const defaults = (await as.get('/api/v1/value/settings')).body;
    expect(defaults).toEqual({
      ...SETTINGS,
      margin: 1,
      costPerOrderMinor: 0,
      costPerContactMinor: 0,
      costPerCaseHourMinor: 0,
      currency: 'EUR',
    });
    const res = await as.put('/api/v1/value/settings', SETTINGS);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ...SETTINGS, currency: 'EUR' });
    expect((await as.get('/api/v1/value/settings')).body).toEqual({ ...SETTINGS, currency: 'EUR' });
  });

  it('scores customers: cost to serve, profitability and percentile tiers add up (hand-checked rules)', async () => {
    await as.patch('/api/v1/settings/lifecycle', { lostAliveBelow: 0.5 });
    await t.ctx.jobs.runDue();
    expect((await as.get('/api/v1/customers/carol')).body.lifecycleStage).toBe('regular');

    expect((await as.post('/api/v1/analytics/value/fit', { timeUnit: 'week' })).status).toBe(202);
    await t.ctx.jobs.runDue();
    const report = (await as.get('/api/v1/analytics/value')).body;
    expect(report.customers).toBe(33);
    expect(report.models.bgnbd).not.toBeNull();

    // The window of service history is the horizon: 365 days up to the end of today.
    expect(windows.at(-1)).toEqual({
      from: new Date('2025-03-03T00:00:00Z'),
      before: new Date('2026-03-03T00:00:00Z'),
    });

    const values = await listAll();
    expect(values).toHaveLength(33);
    expect(new Set(values.map((v) => v.externalId)).size).toBe(33);
    const clvs = values.map((v) => v.clvMinor);
    expect(clvs).toEqual([...clvs].sort((a, b) => b - a));

    const byId = Object.fromEntries(values.map((v) => [v.externalId, v]));
    // cost = 150 × E[orders] + refundShare × E[orders] × E[spend] + P(alive) × (500 × contacts + 2,000 × case hours)
    const expectCost = (v: Value, refundShare: number, contacts: number, caseHours: number) => {
      const cost =
        150 * v.expectedPurchases +
        refundShare * v.expectedPurchases * v.expectedSpendMinor +
        v.aliveProbability * (500 * contacts + 2_000 * caseHours);
      // Stored spend is rounded to a whole minor unit before this product: at most a unit apart.
      expect(Math.abs(v.costToServeMinor - cost)).toBeLessThanOrEqual(1 + refundShare * v.expectedPurchases);
      expect(v.profitabilityMinor).toBe(v.clvMinor - v.costToServeMinor);
    };
    // alice: 6 × 50.00 bought, 60.00 refunded → 20%; two contacts in the window (the third is older).
    expectCost(byId.alice, 0.2, 2, 0);
    expectCost(byId.bob, 0, 0, 3);
    for (const v of values) if (!['alice', 'bob'].includes(v.externalId)) expectCost(v, 0, 0, 0);
    expect(byId.bob.costToServeMinor).toBeGreaterThanOrEqual(Math.round(6_000 * byId.bob.aliveProbability));

    // Percentile tiers: rank = 100 × (customers with lower profitability) / 33.
    for (const v of values) {
      const rank = (100 * values.filter((w) => w.profitabilityMinor < v.profitabilityMinor).length) / 33;
      expect(v.tier, v.externalId).toBe(rank >= 90 ? 'premium' : rank >= 70 ? 'priority' : 'standard');
    }
    const dist = (await as.get('/api/v1/analytics/value/distribution?bins=5')).body;
    expect(dist.customers).toBe(33);
    expect(dist.histogram.reduce((s: number, b: { customers: number }) => s + b.customers, 0)).toBe(33);
    expect(dist.histogram.length).toBeGreaterThanOrEqual(5);
    const tierCount = (tier: string) => values.filter((v) => v.tier === tier).length;
    expect(dist.tiers).toEqual(
      ['premium', 'priority', 'standard']
        .filter((tier) => tierCount(tier) > 0)
        .map((tier) =>
          expect.objectContaining({ tier, customers: tierCount(tier), share: tierCount(tier) / 33 }),
        ),
    );
    const premium = await listAll('&tier=premium&sort=profitability');
    expect(premium.map((v) => v.externalId).sort()).toEqual(
      values
        .filter((v) => v.tier === 'premium')
        .map((v) => v.externalId)
        .sort(),
    );
    const profits = premium.map((v) => v.profitabilityMinor);
    expect(profits).toEqual([...profits].sort((a, b) => a - b));
  });

  it('feeds the alive probability to the lifecycle rules', async () => {
    const carol = (await as.get('/api/v1/customers/carol')).body;
    expect(carol.value.aliveProbability).toBeLessThan(0.5);
    expect(carol.lifecycleStage).toBe('lost');
    expect(carol.stageHistory[0]).toMatchObject({ from: 'regular', to: 'lost' });
    const alice = (await as.get('/api/v1/customers/alice')).body;
    expect(alice.value.aliveProbability).toBeGreaterThan(0.5);
    expect(alice.lifecycleStage).not.toBe('lost');
  });

  it('writes tiers onto customers and records every change', async () => {
    const before = await listAll();
    for (const v of before) {
      const profile = (await as.get(`/api/v1/customers/${v.externalId}`)).body;
      expect(profile.serviceTier).toBe(v.tier);
      expect(profile.value.tierHistory).toEqual([{ from: null, to: v.tier, at: '2026-03-02T09:00:00.000Z' }]);
    }
    expect(tierEvents).toHaveLength(33);

    // Thresholds in minor units: premium from the median profitability up, nobody priority.
    const sorted = before.map((v) => v.profitabilityMinor).sort((a, b) => a - b);
    const median = sorted[16];
    const rule = { by: 'profitability', defaultTier: 'standard', tiers: [{ tier: 'premium', min: median }] };
    t.clock.advance(DAY_MS);
    const res = await as.put('/api/v1/value/settings', { ...SETTINGS, tierRule: rule });
    expect(res.status).toBe(200);
    tierEvents.length = 0;
    await t.ctx.jobs.runDue();

    const after = await listAll();
    const report = (await as.get('/api/v1/analytics/value')).body;
    expect(after).toHaveLength(33);
    const was = Object.fromEntries(before.map((v) => [v.externalId, v.tier]));
    let changed = 0;
    for (const v of after) {
      expect(v.tier, v.externalId).toBe(v.profitabilityMinor >= median ? 'premium' : 'standard');
      const profile = (await as.get(`/api/v1/customers/${v.externalId}`)).body;
      expect(profile.serviceTier).toBe(v.tier);
      if (v.tier !== was[v.externalId]) {
        changed++;
        expect(profile.value.tierHistory[0]).toEqual({
          from: was[v.externalId],
          to: v.tier,
          at: '2026-03-03T09:00:00.000Z',
        });
        expect(profile.value.tierHistory).toHaveLength(2);
      } else expect(profile.value.tierHistory).toHaveLength(1);
    }
    expect(changed).toBeGreaterThan(0);
    expect(tierEvents).toHaveLength(changed);
    // Rescoring used the stored fit: no new fit report.
    expect(report.fittedAt).toBe('2026-03-02T09:00:00.000Z');
  });

  it('refits every organization with purchases once a week', async () => {
    const before = (await as.get('/api/v1/analytics/value')).body;
    t.clock.advance(7 * DAY_MS);
    await t.ctx.jobs.runDue();
    const after = (await as.get('/api/v1/analytics/value')).body;
    expect(after.fitId).toBeGreaterThan(before.fitId);
    expect(after.until).toBe('2026-03-10');
    // The organization without purchases is left alone.
    expect((await api(t, other).get('/api/v1/analytics/value')).body.until).toBe('2026-03-02');
  });
});
