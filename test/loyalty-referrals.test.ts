import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { balanceOf } from '../src/modules/loyalty/api';
import { REFERRAL_ALPHABET } from '../src/modules/loyalty/domain/referral-code';
import { rewardDueReferrals } from '../src/modules/loyalty/use-cases/referrals';
import { api } from './helpers/api';
import { createTestApp, type TestApp, type TestOrg } from './helpers/app';
import { ENGINES } from './helpers/db';

const DAY = 86_400_000;

describe.each(ENGINES)('referrals on %s', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  let n = 0;
  beforeAll(async () => {
    t = await createTestApp(engine, { PUBLIC_URL: 'https://shop.example' });
    org = await t.createOrg();
  });
  afterAll(() => t.close());

  const a = () => api(t, org);
  const at = (days: number) => new Date(t.clock.now().getTime() + days * DAY).toISOString();
  const customers = (rows: Record<string, unknown>[]) =>
    a().ok('POST', '/api/v1/customers/batch', { customers: rows });
  const events = (rows: Record<string, unknown>[]) =>
    a().ok('POST', '/api/v1/events/batch', { events: rows.map((e) => ({ id: `e${++n}`, ...e })) });
  const purchase = (who: string, days = 0, extra: Record<string, unknown> = {}) =>
    events([
      {
        type: 'purchase',
        customerExternalId: who,
        occurredAt: at(days),
        amount: 2500,
        currency: 'EUR',
        ...extra,
      },
    ]);
  const codeOf = async (who: string) =>
    (await a().ok('GET', `/api/v1/customers/${who}/referral`)).code as string;
  const claim = (code: string, who: string) =>
    a().ok('POST', '/api/v1/loyalty/referrals', { code, customerExternalId: who });
  const referral = async (who: string) =>
    (await a().ok('GET', `/api/v1/customers/${who}/referral`)).referredBy as Record<string, any> | null;
  const balance = async (who: string) => {
    const id = (
      await t.ctx.db.queryOwner<{ id: string }>(
        'select id from customers where org_id = $1 and external_id = $2',
        [org.orgId, who],
      )
    )[0].id;
    return t.ctx.db.withOrg(org.orgId, (tx) => balanceOf(tx, org.orgId, id));
  };
  const reward = () => rewardDueReferrals(t.ctx, org.orgId);

  it('gives each customer one short code of unambiguous characters and a link that records the visit', async () => {
    await customers([{ externalId: 'anna', email: 'anna@example.com' }]);
    const first = await a().ok('GET', '/api/v1/customers/anna/referral');
    expect(first.code).toHaveLength(8);
    for (const ch of first.code) expect(REFERRAL_ALPHABET).toContain(ch);
    expect(first.link).toBe(`https://shop.example/ref/${first.code}`);
    expect((await a().ok('GET', '/api/v1/customers/anna/referral')).code).toBe(first.code);

    const page = await api(t).get(`/ref/${first.code.toLowerCase()}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(first.code);
    await a().ok('PATCH', '/api/v1/settings/referrals', { landingUrl: 'https://cafe.example/join' });
    const hop = await api(t).get(`/ref/${first.code}`);
    expect(hop.status).toBe(302);
    expect(hop.headers.location).toBe(`https://cafe.example/join?ref=${first.code}`);
    expect((await a().ok('GET', '/api/v1/customers/anna/referral')).visits).toBe(2);
    expect((await api(t).get('/ref/AAAAAAAA')).status).toBe(404);
  });

  it('attributes the first purchase and rewards both once the qualifying period has passed, not a day before', async () => {
    await a().ok('POST', '/api/v1/webhooks', {
      url: 'https://hooks.example/referrals',
      events: ['referral.qualified', 'referral.rewarded'],
    });
    await customers([{ externalId: 'rita', email: 'rita@example.com', phone: '+48 600 100 200' }]);
    for (const d of [-60, -40, -20]) await purchase('rita', d);
    const code = await codeOf('rita');
    const made = await claim(code, 'newbie');
    expect(made).toMatchObject({
      status: 'pending',
      referrerExternalId: 'rita',
      referredExternalId: 'newbie',
      source: 'api',
    });
    expect((await claim(code, 'newbie')).id).toBe(made.id);

    await purchase('newbie', 1);
    await purchase('newbie', 2);
    const attributed = await referral('newbie');
    expect(attributed?.status).toBe('attributed');
    expect(attributed?.purchaseAt).toBe(at(1));
    expect(attributed?.qualifiesAt).toBe(at(31));

    t.clock.advance(31 * DAY - 1);
    expect(await reward()).toBe(0);
    expect((await referral('newbie'))?.status).toBe('attributed');
    expect((await a().ok('GET', '/api/v1/customers/rita')).lifecycleStage).toBe('regular');

    t.clock.advance(1);
    expect(await reward()).toBe(1);
    const done = await referral('newbie');
    expect(done).toMatchObject({ status: 'rewarded', referrerPoints: 500, referredPoints: 250 });
    expect(await balance('rita')).toBe(500);
    expect(await balance('newbie')).toBe(250);
    const hooks = await t.ctx.db.queryOwner<{ event: string; body: string }>(
      'select event, body from webhook_deliveries where org_id = $1 order by event',
      [org.orgId],
    );
    expect(hooks.map((h) => h.event)).toEqual(['referral.qualified', 'referral.rewarded']);
    expect(hooks[1].body).toContain('"referrerPoints":500');
    expect(await reward()).toBe(0);
    // The referral reaches the lifecycle: a regular who referred is loyal.
    expect((await a().ok('GET', '/api/v1/customers/rita')).lifecycleStage).toBe('loyal');
    const timeline = await a().ok('GET', '/api/v1/customers/rita/timeline');
    expect(JSON.stringify(timeline)).toContain('referral');
  });

  it('voids a referral whose purchase is refunded within the period; a refund of another purchase does not', async () => {
    await customers([{ externalId: 'ref2' }]);
    const code = await codeOf('ref2');
    await claim(code, 'refunder');
    await purchase('refunder', 0, { id: 'p-refunder' });
    await events([
      {
        type: 'refund',
        customerExternalId: 'refunder',
        occurredAt: at(1),
        amount: 500,
        currency: 'EUR',
        data: { purchaseEventId: 'other' },
      },
    ]);
    expect((await referral('refunder'))?.status).toBe('attributed');
    await events([
      {
        type: 'refund',
        customerExternalId: 'refunder',
        occurredAt: at(2),
        amount: 2500,
        currency: 'EUR',
        data: { purchaseEventId: 'p-refunder' },
      },
    ]);
    expect((await referral('refunder'))?.status).toBe('void');
    const voided = await a().ok('GET', '/api/v1/loyalty/referrals?status=void');
    expect(voided.items.map((r: any) => [r.referredExternalId, r.reason])).toContainEqual([
      'refunder',
      'refunded',
    ]);
  });

  it('refuses self-referrals by customer, e-mail, phone and payment fingerprint, with their reasons', async () => {
    await customers([
      {
        externalId: 'self',
        email: 'Self@Example.com',
        phone: '+420 777 123 456',
        attributes: { paymentFingerprint: 'card-1' },
      },
      { externalId: 'self-mail', email: 'self@example.COM' },
      { externalId: 'self-phone', phone: '777-123-456' },
      { externalId: 'self-card', attributes: { paymentFingerprint: 'card-1' } },
    ]);
    const code = await codeOf('self');
    expect((await claim(code, 'self')).reason).toBe('self_referral');
    expect((await claim(code, 'self-mail')).reason).toBe('same_email');
    expect((await claim(code, 'self-phone')).reason).toBe('same_phone');
    expect((await claim(code, 'self-card')).reason).toBe('same_payment');
    // A fingerprint on the first purchase counts too.
    await purchase('card-later', 0, { data: { referralCode: code, paymentFingerprint: 'card-1' } });
    const refused = await a().ok('GET', '/api/v1/loyalty/referrals?status=refused&limit=100');
    const reasons = Object.fromEntries(refused.items.map((r: any) => [r.referredExternalId, r.reason]));
    expect(reasons).toMatchObject({
      self: 'self_referral',
      'self-mail': 'same_email',
      'self-phone': 'same_phone',
      'self-card': 'same_payment',
      'card-later': 'same_payment',
    });
  });

  it('refuses customers who bought before, who were known long before, or who were referred already', async () => {
    await customers([
      { externalId: 'farmer' },
      { externalId: 'old-timer', createdAt: at(-400) },
      { externalId: 'friend2' },
    ]);
    const code = await codeOf('farmer');
    await purchase('bought-before', -1);
    expect((await claim(code, 'bought-before')).reason).toBe('already_bought');
    expect((await claim(code, 'old-timer')).reason).toBe('existing_customer');
    expect((await claim(code, 'friend2')).status).toBe('pending');
    expect((await claim(await codeOf('anna'), 'friend2')).reason).toBe('already_referred');
    expect((await referral('friend2'))?.referrerExternalId).toBe('farmer');
    const bad = await a().post('/api/v1/loyalty/referrals', { code: 'NOPE', customerExternalId: 'x' });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].field).toBe('body.code');
  });

  it('takes a code from a new customer’s attributes and from a first purchase’s data', async () => {
    await customers([{ externalId: 'host' }]);
    const code = await codeOf('host');
    await customers([{ externalId: 'by-attribute', attributes: { referralCode: code.toLowerCase() } }]);
    expect(await referral('by-attribute')).toMatchObject({ status: 'pending', source: 'attribute' });
    await purchase('by-event', 3, { data: { referralCode: code } });
    expect(await referral('by-event')).toMatchObject({
      status: 'attributed',
      source: 'event',
      qualifiesAt: at(33),
    });
    // An existing customer who gains the attribute later is not referred by it.
    await customers([{ externalId: 'anna', attributes: { referralCode: code } }]);
    expect(await referral('anna')).toBeNull();
  });

  it('stops rewarding a referrer past the cap of the period: the rest are refused, visibly', async () => {
    await a().ok('PATCH', '/api/v1/settings/referrals', { capCount: 2, capDays: 365, qualifyingDays: 0 });
    await customers([{ externalId: 'capper' }]);
    const code = await codeOf('capper');
    for (const who of ['c1', 'c2', 'c3']) await purchase(who, 0, { data: { referralCode: code } });
    t.clock.advance(1000);
    await reward();
    const made = (await a().ok('GET', '/api/v1/customers/capper/referral')).referrals as any[];
    expect(made.map((r) => r.status).sort()).toEqual(['refused', 'rewarded', 'rewarded']);
    expect(made.find((r) => r.status === 'refused').reason).toBe('cap_reached');
    expect(await balance('capper')).toBe(1000);
  });

  it('lists referrals newest first in pages, with totals; the profile and the export carry them', async () => {
    const all: any[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await a().ok(
        'GET',
        `/api/v1/loyalty/referrals?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      all.push(...page.items);
      cursor = page.nextCursor;
      expect(page.totals.codes).toBeGreaterThan(3);
    } while (cursor);
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
    expect(all.length).toBeGreaterThan(10);
    const profile = await a().ok('GET', '/api/v1/customers/rita');
    expect(profile.referrals.made[0].status).toBe('rewarded');
    const exported = await a().ok('GET', '/api/v1/customers/newbie/export');
    expect(JSON.stringify(exported)).toContain('rewarded');
    expect((await a().get('/api/v1/loyalty/referrals?cursor=bad!')).status).toBe(400);
  });

  it('erasure removes the customer’s code: the link names nobody, the referrals stay counted', async () => {
    const code = await codeOf('host');
    const before = (await a().ok('GET', '/api/v1/loyalty/referrals?limit=1')).totals;
    expect((await a().call('DELETE', '/api/v1/customers/host')).status).toBeLessThan(300);
    expect((await api(t).get(`/ref/${code}`)).status).toBe(404);
    const after = (await a().ok('GET', '/api/v1/loyalty/referrals?limit=1')).totals;
    expect(after.byStatus).toEqual(before.byStatus);
    expect(after.codes).toBe(before.codes - 1);
  });
});
