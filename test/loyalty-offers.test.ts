import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isHeldOut } from '../src/modules/loyalty/domain/offer-holdout';
import { newcombeInterval } from '../src/modules/loyalty/domain/offer-uplift';
import { mineBasketRules } from '../src/modules/loyalty/use-cases/basket-rules';
import { api } from './helpers/api';
import { createTestApp, type TestApp, type TestOrg } from './helpers/app';
import { ENGINES } from './helpers/db';
import { startSmtp } from './surveys/smtp';

const DAY = 86_400_000;

describe.each(ENGINES)('offers on %s', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let n = 0;
  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp(engine, { SMTP_URL: smtp.url });
    org = await t.createOrg();
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const a = () => api(t, org);
  const at = (days: number) => new Date(t.clock.now().getTime() + days * DAY).toISOString();
  const customers = (rows: Record<string, unknown>[]) =>
    a().ok('POST', '/api/v1/customers/batch', { customers: rows });
  const events = (rows: Record<string, unknown>[]) =>
    a().ok('POST', '/api/v1/events/batch', { events: rows.map((e) => ({ id: `e${++n}`, ...e })) });
  const buy = (who: string, days: number, items: Record<string, unknown>[] = [], amount = 2000) => ({
    type: 'purchase',
    customerExternalId: who,
    occurredAt: at(days),
    amount,
    currency: 'EUR',
    items,
  });
  const offersOf = async (who: string) =>
    (await a().ok('GET', `/api/v1/customers/${who}/offers`)).items as any[];
  const idOf = async (who: string) =>
    (
      await t.ctx.db.queryOwner<{ id: string }>(
        'select id from customers where org_id = $1 and external_id = $2',
        [org.orgId, who],
      )
    )[0].id;
  const exposures = (offerId: string) =>
    t.ctx.db.queryOwner<{ arm: string; n: number }>(
      'select arm, count(*)::int as n from loyalty_offer_exposures where offer_id = $1 group by arm order by arm',
      [offerId],
    );
  const offer = (body: Record<string, unknown>) =>
    a().ok('POST', '/api/v1/loyalty/offers', { kind: 'discount', startsAt: at(-1), ...body });

  it('shows an offer only to the customers its rules target, and records each exposure once', async () => {
    await customers([
      { externalId: 'vip', attributes: { vip: true } },
      { externalId: 'plain', attributes: { vip: false } },
    ]);
    await events([buy('vip', -3), buy('plain', -3)]);
    const o = await offer({
      name: 'VIP coffee',
      stages: ['buyer'],
      attributes: { vip: true },
      holdoutShare: 0,
    });
    const later = await offer({ name: 'Not yet', startsAt: at(5) });
    expect((await offersOf('vip')).map((x) => x.name)).toEqual(['VIP coffee']);
    expect(await offersOf('plain')).toEqual([]);
    await offersOf('vip');
    expect(await exposures(o.id)).toEqual([{ arm: 'shown', n: 1 }]);
    expect(await exposures(later.id)).toEqual([]);
    const profile = await a().ok('GET', '/api/v1/customers/vip');
    expect(profile.offers[0]).toMatchObject({ name: 'VIP coffee', heldOut: false, taken: false });
    expect((await a().get('/api/v1/customers/nobody/offers')).status).toBe(404);
  });

  it('holds out the customers whose draw falls below the share: recorded, never shown', async () => {
    const o = await offer({ name: 'Half held', holdoutShare: 0.5, attributes: { group: 'h' } });
    const people = Array.from({ length: 24 }, (_, i) => `h${i}`);
    await customers(people.map((externalId) => ({ externalId, attributes: { group: 'h' } })));
    let shown = 0;
    for (const who of people) {
      const held = isHeldOut(o.id, await idOf(who), 0.5);
      const got = (await offersOf(who)).some((x) => x.id === o.id);
      expect(got).toBe(!held);
      if (got) shown += 1;
      // Asked again, the same answer.
      expect((await offersOf(who)).some((x) => x.id === o.id)).toBe(got);
    }
    const counts = Object.fromEntries((await exposures(o.id)).map((r) => [r.arm, r.n]));
    expect(counts).toEqual({ shown, holdout: people.length - shown });
  });

  it('counts a matching purchase within the window as a conversion, with its revenue; others not', async () => {
    const o = await offer({
      name: 'Cake',
      items: ['cake'],
      categories: ['bakery'],
      conversionWindowDays: 7,
      holdoutShare: 0,
      attributes: { c: 1 },
    });
    await a().ok('POST', '/api/v1/webhooks', {
      url: 'https://hooks.example/offers',
      events: ['offer.converted'],
    });
    await customers(['k1', 'k2', 'k3', 'k4'].map((externalId) => ({ externalId, attributes: { c: 1 } })));
    for (const who of ['k1', 'k2', 'k3', 'k4']) await offersOf(who);
    await events([
      buy('k1', 2, [{ sku: 'cake', category: 'sweet' }], 1500),
      buy('k1', 3, [{ sku: 'croissant', category: 'bakery' }], 500),
      buy('k2', 2, [{ sku: 'tea', category: 'drinks' }], 900),
      buy('k3', 8, [{ sku: 'cake' }], 1500),
      buy('k4', -1, [{ sku: 'cake' }], 1500),
    ]);
    const r = await a().ok('GET', `/api/v1/loyalty/offers/${o.id}/results`);
    expect(r.shown).toMatchObject({ n: 4, converted: 1, conversionRate: 0.25, revenuePerCustomerMinor: 500 });
    expect(r.verdict).toBe('not_enough_data');
    expect(r.incrementalConversion).toBeNull();
    const hooks = await t.ctx.db.queryOwner<{ body: string }>(
      `select body from webhook_deliveries where org_id = $1 and event = 'offer.converted'`,
      [org.orgId],
    );
    expect(hooks).toHaveLength(1);
    expect(JSON.parse(hooks[0].body).data).toMatchObject({ offerId: o.id, arm: 'shown', revenueMinor: 2000 });
    const profile = await a().ok('GET', '/api/v1/customers/k1');
    expect(profile.offers.find((x: any) => x.offerId === o.id)).toMatchObject({
      taken: true,
      revenueMinor: 2000,
    });
  });

  it('reports the planted incremental conversion with Newcombe’s interval and revenue with Welch’s', async () => {
    const o = await offer({
      name: 'Planted',
      holdoutShare: 0.3,
      attributes: { p: 1 },
      conversionWindowDays: 10,
    });
    const people = Array.from({ length: 160 }, (_, i) => `p${i}`);
    await customers(people.map((externalId) => ({ externalId, attributes: { p: 1 } })));
    const arms = new Map<string, boolean>();
    for (const who of people)
      arms.set(
        who,
        (await offersOf(who)).some((x) => x.id === o.id),
      );
    // Shown customers buy one time in two, held-out ones one time in ten (by their order, not at random).
    const purchases: Record<string, unknown>[] = [];
    let s = 0;
    let h = 0;
    for (const who of people) {
      if (arms.get(who) ? s++ % 2 === 0 : h++ % 10 === 0) purchases.push(buy(who, 1, [], 3000));
    }
    await events(purchases);
    const r = await a().ok('GET', `/api/v1/loyalty/offers/${o.id}/results`);
    const shown = [...arms.values()].filter(Boolean).length;
    const held = people.length - shown;
    const xs = Math.ceil(shown / 2);
    const xh = Math.ceil(held / 10);
    expect(r.shown).toMatchObject({ n: shown, converted: xs });
    expect(r.holdout).toMatchObject({ n: held, converted: xh });
    expect(held).toBeGreaterThanOrEqual(30);
    const expected = newcombeInterval(xs, shown, xh, held)!;
    expect(r.incrementalConversion.difference).toBeCloseTo(expected.difference, 10);
    expect(r.incrementalConversion.ci95[0]).toBeCloseTo(expected.ci95[0], 10);
    expect(r.incrementalConversion.ci95[1]).toBeCloseTo(expected.ci95[1], 10);
    expect(r.verdict).toBe('lifts');
    expect(r.incrementalRevenuePerCustomerMinor.difference).toBeCloseTo(3000 * (xs / shown - xh / held), 6);
    expect(r.incrementalRevenuePerCustomerMinor.ci95[0]).toBeGreaterThan(0);
    const all = await a().ok('GET', '/api/v1/loyalty/offer-results?limit=100');
    expect(all.items.find((x: any) => x.offerId === o.id).verdict).toBe('lifts');
  });

  it('ranks rule offers first, then the items the basket rules recommend to the customer', async () => {
    const rows: Record<string, unknown>[] = [];
    for (let i = 0; i < 40; i++) {
      rows.push(
        buy(`b${i}`, -30, [
          { sku: 'pizza', name: 'Pizza' },
          ...(i % 4 ? [{ sku: 'pasta', name: 'Pasta' }] : []),
        ]),
      );
      rows.push(buy(`b${i}`, -20, [{ sku: i % 2 ? 'soda' : 'water', name: 'Drink' }]));
    }
    rows.push(buy('solo', -2, [{ sku: 'pizza', name: 'Pizza' }]));
    await events(rows);
    await customers([{ externalId: 'solo', attributes: { r: 1 } }]);
    await mineBasketRules(t.ctx, org.orgId);
    const rec = await offer({
      name: 'You may like',
      kind: 'product',
      source: 'recommendation',
      holdoutShare: 0,
      attributes: { r: 1 },
    });
    const rule = await offer({ name: 'Rule first', holdoutShare: 0, attributes: { r: 1 }, priority: 5 });
    const got = await offersOf('solo');
    expect(got.map((x) => x.id)).toEqual([rule.id, rec.id]);
    expect(got[1].items[0]).toMatchObject({ sku: 'pasta', name: 'Pasta' });
    expect(got[1].items[0].score).toBeGreaterThan(0);
    // Buying the recommended item converts the recommendation offer.
    await events([buy('solo', 1, [{ sku: 'pasta' }])]);
    expect((await a().ok('GET', `/api/v1/loyalty/offers/${rec.id}/results`)).shown.converted).toBe(1);
  });

  it('e-mails the offer through the mailer to those it is for, records them, and keeps the held-out share unmailed', async () => {
    const o = await offer({
      name: 'Spring menu',
      description: 'A new menu for spring.',
      holdoutShare: 0.3,
      attributes: { m: 1 },
    });
    const people = Array.from({ length: 12 }, (_, i) => `m${i}`);
    await customers([
      ...people.map((externalId) => ({
        externalId,
        email: `${externalId}@example.com`,
        attributes: { m: 1 },
      })),
      { externalId: 'm-nomail', attributes: { m: 1 } },
      { externalId: 'm-refused', email: 'no@example.com', consent: { email: false }, attributes: { m: 1 } },
    ]);
    expect((await a().post(`/api/v1/loyalty/offers/${o.id}/send`)).status).toBe(202);
    await t.ctx.jobs.runDue();
    const held = new Set<string>();
    for (const who of people) if (isHeldOut(o.id, await idOf(who), 0.3)) held.add(who);
    const mailed = smtp.messages
      .filter((m) => m.body.includes('A new menu for spring.'))
      .flatMap((m) => m.to);
    expect(mailed.sort()).toEqual(
      people
        .filter((p) => !held.has(p))
        .map((p) => `${p}@example.com`)
        .sort(),
    );
    const counts = Object.fromEntries((await exposures(o.id)).map((r) => [r.arm, r.n]));
    expect(counts.shown ?? 0).toBe(people.length - held.size);
    expect(counts.holdout ?? 0).toBe(held.size);
    // A second send mails nobody twice.
    await a().ok('POST', `/api/v1/loyalty/offers/${o.id}/send`);
    await t.ctx.jobs.runDue();
    expect(smtp.messages.filter((m) => m.body.includes('A new menu for spring.')).length).toBe(mailed.length);
  });

  it('refuses offers that cannot hold, naming the field', async () => {
    const bad = await a().post('/api/v1/loyalty/offers', {
      name: 'x',
      kind: 'perk',
      startsAt: at(2),
      endsAt: at(1),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('body.endsAt');
    const rec = await a().post('/api/v1/loyalty/offers', {
      name: 'x',
      kind: 'product',
      source: 'recommendation',
      items: ['a'],
      startsAt: at(0),
    });
    expect(rec.status).toBe(400);
    const o = await offer({ name: 'Old', endsAt: at(0) });
    t.clock.advance(1000);
    expect((await a().post(`/api/v1/loyalty/offers/${o.id}/send`)).status).toBe(409);
    expect((await a().patch(`/api/v1/loyalty/offers/${o.id}`, { holdoutShare: 0.9 })).status).toBe(400);
  });
});
