import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCustomer } from '../src/modules/customers/api';
import { balanceOf, earnPoints } from '../src/modules/loyalty/api';
import { checkLedger } from '../src/modules/loyalty/use-cases/expiry';
import { api } from './helpers/api';
import { createTestApp, type TestApp, type TestOrg } from './helpers/app';
import { ENGINES } from './helpers/db';

describe.each(ENGINES)('redemptions on %s', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  beforeAll(async () => {
    t = await createTestApp(engine);
    org = await t.createOrg();
  });
  afterAll(() => t?.close());

  /** A customer holding `points` (one lot that never expires). */
  const member = async (externalId: string, points: number) => {
    const id = await t.ctx.db.withOrg(org.orgId, async (tx) => {
      const customerId = await ensureCustomer(t.ctx, tx, org.orgId, externalId);
      if (points > 0)
        await earnPoints(t.ctx, tx, {
          orgId: org.orgId,
          customerId,
          points,
          reason: 'Welcome points',
          source: { kind: 'manual' },
          expiresAt: null,
        });
      return customerId;
    });
    return id;
  };
  const balance = (customerId: string) =>
    t.ctx.db.withOrg(org.orgId, (tx) => balanceOf(tx, org.orgId, customerId));

  it('50 concurrent redemptions against a balance that covers 10 give exactly 10, and a balance of zero', async () => {
    const c = await member('racer', 100);
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        api(t, org).post('/api/v1/loyalty/redemptions', { customerExternalId: 'racer', points: 10 }),
      ),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(statuses.filter((s) => s === 409)).toHaveLength(40);
    const refused = answers.find((r) => r.status === 409)!;
    expect(refused.body.detail).toMatch(/^insufficient_points/);
    expect(await balance(c)).toBe(0);
    const [row] = await t.ctx.db.queryOwner<{ n: number; points: string }>(
      `select count(*)::int as n, sum(points)::text as points from loyalty_redemptions where org_id = $1 and customer_id = $2`,
      [org.orgId, c],
    );
    expect(row).toEqual({ n: 10, points: '100' });
    expect((await checkLedger(t.ctx, org.orgId)).breakCount).toBe(0);
  });

  it('a retried redemption with the same Idempotency-Key redeems once, also when the retries race', async () => {
    const c = await member('retrier', 100);
    const a = api(t, org);
    const headers = { 'idempotency-key': 'redeem-retrier-1' };
    const first = await a.post(
      '/api/v1/loyalty/redemptions',
      { customerExternalId: 'retrier', points: 30 },
      { headers },
    );
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ points: 30, status: 'redeemed', balance: 70 });
    const again = await a.post(
      '/api/v1/loyalty/redemptions',
      { customerExternalId: 'retrier', points: 30 },
      { headers },
    );
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    // Ten retries of another key at once: one redeems, the others replay it or are told it still runs.
    const raced = await Promise.all(
      Array.from({ length: 10 }, () =>
        a.post(
          '/api/v1/loyalty/redemptions',
          { customerExternalId: 'retrier', points: 30 },
          { headers: { 'idempotency-key': 'redeem-retrier-2' } },
        ),
      ),
    );
    expect(raced.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    const ids = new Set(raced.filter((r) => r.status === 201).map((r) => r.body.id));
    expect(ids.size).toBe(1);
    expect(await balance(c)).toBe(40);
    const [row] = await t.ctx.db.queryOwner<{ n: number }>(
      'select count(*)::int as n from loyalty_redemptions where org_id = $1 and customer_id = $2',
      [org.orgId, c],
    );
    expect(row.n).toBe(2);
  });

  it('a stock of 3 with 10 concurrent buyers gives 3, and says why the others are refused', async () => {
    const a = api(t, org);
    const cake = await a.ok('POST', '/api/v1/loyalty/rewards', {
      name: 'Cheesecake',
      pointsCost: 40,
      stock: 3,
    });
    const buyers = await Promise.all(Array.from({ length: 10 }, (_, i) => member(`cake-${i}`, 100)));
    const answers = await Promise.all(
      buyers.map((_, i) =>
        a.post('/api/v1/loyalty/redemptions', { customerExternalId: `cake-${i}`, rewardId: cake.id }),
      ),
    );
    expect(answers.filter((r) => r.status === 201)).toHaveLength(3);
    const refused = answers.filter((r) => r.status === 409);
    expect(refused).toHaveLength(7);
    for (const r of refused)
      expect(r.body.errors[0]).toEqual({ field: 'body.rewardId', message: 'out_of_stock' });
    expect((await a.ok('GET', `/api/v1/loyalty/rewards/${cake.id}`)).stock).toBe(0);
    const balances = await Promise.all(buyers.map(balance));
    expect(balances.filter((b) => b === 60)).toHaveLength(3);
    expect(balances.filter((b) => b === 100)).toHaveLength(7);
  });

  it('a per-customer limit holds under concurrency, per period', async () => {
    const a = api(t, org);
    const coffee = await a.ok('POST', '/api/v1/loyalty/rewards', {
      name: 'Flat white',
      pointsCost: 10,
      perCustomerLimit: 2,
      limitPeriod: 'week',
    });
    const c = await member('regular', 200);
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        a.post('/api/v1/loyalty/redemptions', { customerExternalId: 'regular', rewardId: coffee.id }),
      ),
    );
    expect(answers.filter((r) => r.status === 201)).toHaveLength(2);
    expect(answers.find((r) => r.status === 409)!.body.errors[0].message).toBe('limit_reached');
    expect(await balance(c)).toBe(180);
    // A week later the customer may again.
    t.clock.advance(7 * 86_400_000);
    expect(
      (await a.post('/api/v1/loyalty/redemptions', { customerExternalId: 'regular', rewardId: coffee.id }))
        .status,
    ).toBe(201);
  });

  it('refuses a reward outside its dates, a wrong price and an unknown customer or reward, naming the field', async () => {
    const a = api(t, org);
    await member('picky', 500);
    const later = await a.ok('POST', '/api/v1/loyalty/rewards', {
      name: 'Christmas stollen',
      pointsCost: 50,
      activeFrom: new Date(t.clock.now().getTime() + 30 * 86_400_000).toISOString(),
    });
    const early = await a.post('/api/v1/loyalty/redemptions', {
      customerExternalId: 'picky',
      rewardId: later.id,
    });
    expect(early.status).toBe(409);
    expect(early.body.errors[0].message).toBe('reward_inactive');
    const price = await a.post('/api/v1/loyalty/redemptions', {
      customerExternalId: 'picky',
      rewardId: later.id,
      points: 49,
    });
    expect(price.status).toBe(422);
    expect(price.body.errors[0].field).toBe('body.points');
    const nobody = await a.post('/api/v1/loyalty/redemptions', { customerExternalId: 'nobody', points: 5 });
    expect(nobody.status).toBe(400);
    expect(nobody.body.errors[0].field).toBe('body.customerExternalId');
    const noReward = await a.post('/api/v1/loyalty/redemptions', {
      customerExternalId: 'picky',
      rewardId: '00000000-0000-4000-8000-000000000000',
    });
    expect(noReward.status).toBe(400);
    expect(noReward.body.errors[0].field).toBe('body.rewardId');
    const noPoints = await a.post('/api/v1/loyalty/redemptions', { customerExternalId: 'picky' });
    expect(noPoints.status).toBe(400);
    expect(noPoints.body.errors[0].field).toBe('body.points');
  });

  it('a cancellation gives the points back as a new entry, returns the stock and keeps the invariant', async () => {
    const a = api(t, org);
    const mug = await a.ok('POST', '/api/v1/loyalty/rewards', { name: 'Café mug', pointsCost: 80, stock: 1 });
    const c = await member('canceller', 100);
    const r = await a.ok('POST', '/api/v1/loyalty/redemptions', {
      customerExternalId: 'canceller',
      rewardId: mug.id,
    });
    expect(r).toMatchObject({ rewardName: 'Café mug', points: 80, balance: 20 });
    expect((await a.ok('GET', `/api/v1/loyalty/rewards/${mug.id}`)).stock).toBe(0);

    const cancelled = await a.ok('POST', `/api/v1/loyalty/redemptions/${r.id}/cancel`, {
      reason: 'Broken handle',
    });
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'Broken handle', balance: 100 });
    expect(cancelled.restoreEntryId).toBeTruthy();
    expect(await balance(c)).toBe(100);
    expect((await a.ok('GET', `/api/v1/loyalty/rewards/${mug.id}`)).stock).toBe(1);
    // Again: answered as it is, nothing given back twice.
    const twice = await a.ok('POST', `/api/v1/loyalty/redemptions/${r.id}/cancel`);
    expect(twice.restoreEntryId).toBe(cancelled.restoreEntryId);
    expect(await balance(c)).toBe(100);

    const entries = await t.ctx.db.queryOwner<{ kind: string; points: string }>(
      'select kind, points::text as points from loyalty_entries where org_id = $1 and customer_id = $2 order by created_at, kind',
      [org.orgId, c],
    );
    // Nothing edited: the spend stays, and a new entry gives its points back.
    expect(entries.map((e) => [e.kind, Number(e.points)])).toEqual([
      ['earn', 100],
      ['restore', 80],
      ['spend', -80],
    ]);
    expect((await checkLedger(t.ctx, org.orgId)).breakCount).toBe(0);

    const list = await a.ok('GET', '/api/v1/loyalty/redemptions?customerExternalId=canceller');
    expect(list.items.map((x: { status: string }) => x.status)).toEqual(['cancelled']);
    const profile = await a.ok('GET', '/api/v1/customers/canceller');
    expect(profile.loyaltyRedemptions[0]).toMatchObject({ rewardName: 'Café mug', status: 'cancelled' });
    const exported = await a.ok('GET', '/api/v1/customers/canceller/export');
    expect(JSON.stringify(exported)).toContain('Broken handle');
    await a.ok('DELETE', '/api/v1/customers/canceller');
    const [kept] = await t.ctx.db.queryOwner<{ points: string; cancel_reason: string | null }>(
      'select points::text as points, cancel_reason from loyalty_redemptions where org_id = $1 and id = $2',
      [org.orgId, r.id],
    );
    expect(kept).toEqual({ points: '80', cancel_reason: null });
  });

  it('pages the redemptions newest first, and a reward with redemptions cannot be deleted', async () => {
    const a = api(t, org);
    const first = await a.ok('GET', '/api/v1/loyalty/redemptions?limit=3');
    expect(first.items).toHaveLength(3);
    const second = await a.ok('GET', `/api/v1/loyalty/redemptions?limit=3&cursor=${first.nextCursor}`);
    const seen = [...first.items, ...second.items].map((x: { id: string }) => x.id);
    expect(new Set(seen).size).toBe(6);
    const times = [...first.items, ...second.items].map((x: { redeemedAt: string }) => x.redeemedAt);
    expect([...times].sort().reverse()).toEqual(times);
    const mug = (await a.ok('GET', '/api/v1/loyalty/rewards')).items.find(
      (x: { name: string }) => x.name === 'Café mug',
    );
    expect((await a.delete(`/api/v1/loyalty/rewards/${mug.id}`)).status).toBe(409);
    const unused = await a.ok('POST', '/api/v1/loyalty/rewards', { name: 'Unused', pointsCost: 1 });
    expect((await a.delete(`/api/v1/loyalty/rewards/${unused.id}`)).status).toBe(204);
  });
});
