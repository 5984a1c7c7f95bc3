import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../src/db/database';
import type { DomainEvents } from '../src/events/bus';
import { formatDayNumber, parseDayNumber } from '../src/lib/day-number';
import { api } from './helpers/api';
import { createTestApp, type TestApp, type TestOrg } from './helpers/app';
import { ENGINES } from './helpers/db';
import { EXTRA_AMOUNT, perkWorld, type WorldCustomer } from './helpers/perk-world';

// Purchases from 2024-04-01 to 2025-01-10, perks granted from 2024-07-01 to 2024-10-31, windows of
// 60 days; the clock stands at 2025-01-20, so every after window has ended.
const START = parseDayNumber('2024-04-01');
const END = parseDayNumber('2025-01-10');
const FROM = '2024-07-01';
const TO = '2024-10-31';
const WINDOW = 60;
const NOW = new Date('2025-01-20T09:00:00Z');
const CUSTOMERS = 700;

const at = (day: number) => `${formatDayNumber(day)}T12:00:00Z`;

/** The world's purchases and one perk event per treated customer per code, through the events API. */
async function load(t: TestApp, org: TestOrg, world: WorldCustomer[], codes: string[]) {
  const events = world.flatMap((c) => [
    ...c.purchases.map((p, k) => ({
      id: `${c.externalId}-p${k}`,
      type: 'purchase',
      customerExternalId: c.externalId,
      occurredAt: at(p.day),
      amount: p.amountMinor,
      currency: 'EUR',
    })),
    ...(c.grantDay === null
      ? []
      : codes.map((code) => ({
          id: `${c.externalId}-${code}`,
          type: 'perk',
          customerExternalId: c.externalId,
          occurredAt: at(c.grantDay!),
          data: { perk: code },
        }))),
  ]);
  for (let i = 0; i < events.length; i += 5000) {
    await api(t, org).ok('POST', '/api/v1/events/batch', { events: events.slice(i, i + 5000) });
  }
}

async function assess(t: TestApp, org: TestOrg, perkId: string) {
  const url = `/api/v1/loyalty/perks/${perkId}/worth?from=${FROM}&to=${TO}&window=${WINDOW}`;
  const first = await api(t, org).ok('GET', url);
  expect(first.status).toBe('pending');
  expect(first.result).toBeNull();
  await t.ctx.jobs.runDue();
  const ready = await api(t, org).ok('GET', url);
  expect(ready.status).toBe('ready');
  return ready;
}

describe.each(ENGINES)('is a perk worth it, on generated customers, on %s', (engine) => {
  let t: TestApp;
  let paying: TestOrg;
  let idle: TestOrg;
  let worldA: WorldCustomer[];
  const assessed: DomainEvents['perk.assessed'][] = [];

  beforeAll(async () => {
    t = await createTestApp(engine);
    t.clock.set(NOW);
    t.ctx.bus.on('perk.assessed', async (_tx, payload) => {
      assessed.push(payload);
    });
    paying = await t.createOrg();
    idle = await t.createOrg();
    // Org "paying": free delivery adds two purchases of 1500 in the window after it; costs 500 a grant.
    worldA = perkWorld({
      seed: 5,
      customers: CUSTOMERS,
      start: START,
      end: END,
      periodFrom: parseDayNumber(FROM),
      periodTo: parseDayNumber(TO),
      extraPurchases: 2,
    });
    await api(t, paying).ok('POST', '/api/v1/loyalty/perks', {
      code: 'free-delivery',
      name: 'Free delivery',
      source: 'event',
      costMinor: 500,
      currency: 'EUR',
    });
    await load(t, paying, worldA, ['free-delivery']);
    // Org "idle": a birthday cake and a gift box given together change nothing; the cake is free, the box costs 2000.
    const worldB = perkWorld({
      seed: 5,
      customers: CUSTOMERS,
      start: START,
      end: END,
      periodFrom: parseDayNumber(FROM),
      periodTo: parseDayNumber(TO),
      extraPurchases: 0,
    });
    await load(t, idle, worldB, ['birthday-cake', 'gift-box']);
  }, 300_000);
  afterAll(() => t?.close());

  it('recovers a planted effect that exceeds the cost: pays for itself, where a naive comparison overstates it', async () => {
    const perk = (await api(t, paying).ok('GET', '/api/v1/loyalty/perks')).items[0];
    const worth = await assess(t, paying, perk.id);
    const r = worth.result;
    expect(r.treated).toBe(worldA.filter((c) => c.grantDay !== null).length);
    expect(r.pairs).toBeGreaterThan(150);
    expect(r.caliper).toBeGreaterThan(0);
    // Balance: every covariate within 0.1 after matching, and some were not before it.
    for (const b of r.balance) expect(Math.abs(b.after)).toBeLessThanOrEqual(0.1);
    expect(r.balance.some((b: { before: number }) => Math.abs(b.before) > 0.3)).toBe(true);
    const revenue = r.outcomes.find((o: { outcome: string }) => o.outcome === 'revenue');
    const frequency = r.outcomes.find((o: { outcome: string }) => o.outcome === 'frequency');
    // The planted effect: +2 purchases, +3000 revenue in the window; both intervals cover it.
    expect(revenue.ci95[0]).toBeLessThanOrEqual(2 * EXTRA_AMOUNT);
    expect(revenue.ci95[1]).toBeGreaterThanOrEqual(2 * EXTRA_AMOUNT);
    expect(frequency.ci95[0]).toBeLessThanOrEqual(2);
    expect(frequency.ci95[1]).toBeGreaterThanOrEqual(2);
    // The naive comparison of after windows credits the perk with the treated's habits: beyond the interval.
    expect(revenue.naive).toBeGreaterThan(revenue.ci95[1]);
    expect(r.costPerCustomerMinor).toBe(500);
    expect(r.net.ci95[0]).toBeGreaterThan(0);
    expect(r).toMatchObject({ verdict: 'pays_for_itself', reason: 'interval_above_zero', balanced: true });
    // The catalogue shows the verdict.
    expect((await api(t, paying).ok('GET', `/api/v1/loyalty/perks/${perk.id}`)).latest).toMatchObject({
      verdict: 'pays_for_itself',
      periodFrom: FROM,
      periodTo: TO,
      windowDays: WINDOW,
    });
  });

  it('finds no effect where none was planted: a free perk is "not enough data yet" (its interval spans zero), a costly one costs more than it brings', async () => {
    // Defined after their events arrived: the history counts.
    const cake = await api(t, idle).ok('POST', '/api/v1/loyalty/perks', {
      code: 'birthday-cake',
      name: 'Birthday cake',
      source: 'event',
      costMinor: 0,
      currency: 'EUR',
    });
    const box = await api(t, idle).ok('POST', '/api/v1/loyalty/perks', {
      code: 'gift-box',
      name: 'Gift box',
      source: 'event',
      costMinor: 2000,
      currency: 'EUR',
    });
    const free = (await assess(t, idle, cake.id)).result;
    for (const o of free.outcomes) {
      expect(o.ci95[0]).toBeLessThanOrEqual(0);
      expect(o.ci95[1]).toBeGreaterThanOrEqual(0);
    }
    for (const b of free.balance) expect(Math.abs(b.after)).toBeLessThanOrEqual(0.1);
    expect(free).toMatchObject({ verdict: 'not_enough_data', reason: 'interval_spans_zero' });
    const costly = (await assess(t, idle, box.id)).result;
    expect(costly.treated).toBe(free.treated);
    expect(costly.net.ci95[1]).toBeLessThan(0);
    expect(costly).toMatchObject({ verdict: 'costs_more', reason: 'interval_below_zero' });
  });

  it('announces a verdict only when it changes, and keeps the answer without recomputing on every view', async () => {
    const perk = (await api(t, paying).ok('GET', '/api/v1/loyalty/perks')).items[0];
    const url = `/api/v1/loyalty/perks/${perk.id}/worth?from=${FROM}&to=${TO}&window=${WINDOW}`;
    const kept = await api(t, paying).ok('GET', url);
    const again = await api(t, paying).ok('GET', url);
    expect(again.computedAt).toBe(kept.computedAt);
    const refreshed = await api(t, paying).post(`/api/v1/loyalty/perks/${perk.id}/worth`, {
      from: FROM,
      to: TO,
      window: WINDOW,
    });
    expect(refreshed.status).toBe(202);
    expect(refreshed.body).toMatchObject({ status: 'pending', result: { verdict: 'pays_for_itself' } });
    t.clock.advance(60_000);
    await t.ctx.jobs.runDue();
    const after = await api(t, paying).ok('GET', url);
    expect(after.status).toBe('ready');
    expect(after.result).toEqual(kept.result);
    // One announcement for the first verdict of the period, none for the same verdict again.
    expect(assessed.filter((p) => p.perkId === perk.id)).toEqual([
      expect.objectContaining({
        verdict: 'pays_for_itself',
        previousVerdict: null,
        periodFrom: FROM,
        windowDays: WINDOW,
      }),
    ]);
  });

  it('refuses a period whose window has not ended, a reversed period and a cost in another currency, naming the field', async () => {
    const perk = (await api(t, paying).ok('GET', '/api/v1/loyalty/perks')).items[0];
    const late = await api(t, paying).get(
      `/api/v1/loyalty/perks/${perk.id}/worth?from=2024-12-01&to=2025-01-01`,
    );
    expect(late.status).toBe(400);
    expect(late.body.errors[0].field).toBe('query.to');
    const reversed = await api(t, paying).get(
      `/api/v1/loyalty/perks/${perk.id}/worth?from=2024-10-01&to=2024-09-01`,
    );
    expect(reversed.body.errors[0].field).toBe('query.from');
    const usd = await api(t, paying).post('/api/v1/loyalty/perks', {
      code: 'usd',
      name: 'x',
      source: 'event',
      costMinor: 1,
      currency: 'USD',
    });
    expect(usd.status).toBe(400);
    expect(usd.body.errors[0].field).toBe('body.currency');
    const dup = await api(t, paying).post('/api/v1/loyalty/perks', {
      code: 'free-delivery',
      name: 'x',
      source: 'event',
      costMinor: 1,
      currency: 'EUR',
    });
    expect(dup.status).toBe(409);
    const noRef = await api(t, paying).post('/api/v1/loyalty/perks', {
      code: 'r',
      name: 'x',
      source: 'reward',
      costMinor: 1,
      currency: 'EUR',
    });
    expect(noRef.body.errors[0].field).toBe('body.sourceRef');
  });

  it('reads goodwill gestures of a kind as grants of a goodwill perk, those granted before it was defined too', async () => {
    const a = api(t, idle);
    await a.ok('POST', '/api/v1/goodwill/budgets', { tier: 'standard', poolMinor: 100_000 });
    const c = await a.ok('POST', '/api/v1/cases', { title: 'Cold coffee', customerExternalId: 'c0001' });
    await a.ok('POST', `/api/v1/cases/${c.id}/goodwill`, { kind: 'gift', amountMinor: 700 });
    await a.ok('POST', `/api/v1/cases/${c.id}/goodwill`, { kind: 'refund', amountMinor: 300 });
    await a.ok('POST', '/api/v1/loyalty/perks', {
      code: 'gift',
      name: 'Gift',
      source: 'goodwill',
      sourceRef: 'gift',
      costMinor: 700,
      currency: 'EUR',
    });
    const profile = await a.ok('GET', '/api/v1/customers/c0001');
    expect(profile.perks.map((p: { code: string }) => p.code)).toContain('gift');
    expect(profile.perks.filter((p: { code: string }) => p.code === 'gift')).toHaveLength(1);
  });

  it('shows the perks a customer got in the profile and export, and forgets them on erasure', async () => {
    const who = worldA.find((c) => c.grantDay !== null)!.externalId;
    const profile = await api(t, paying).ok('GET', `/api/v1/customers/${who}`);
    expect(profile.perks).toEqual([
      expect.objectContaining({ code: 'free-delivery', name: 'Free delivery' }),
    ]);
    const exported = await api(t, paying).ok('GET', `/api/v1/customers/${who}/export`);
    expect(JSON.stringify(exported)).toContain('free-delivery');
    expect((await api(t, paying).delete(`/api/v1/customers/${who}`)).status).toBeLessThan(300);
    const left = await t.ctx.db.withOrg(paying.orgId, async (tx) =>
      rowsOf<{ n: number }>(
        await tx.execute(sql`select count(*)::int as n from loyalty_perk_grants g
          join customers c on c.org_id = g.org_id and c.id = g.customer_id where c.external_id like 'erased-%'`),
      ),
    );
    expect(left[0].n).toBe(0);
  });
});
