import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCustomer, recordEvents } from '../src/modules/customers/api';
import { earnForEvents, earnPastEvents } from '../src/modules/loyalty/use-cases/earn-events';
import { checkLedger, expirePoints } from '../src/modules/loyalty/use-cases/expiry';
import { spendPoints } from '../src/modules/loyalty/use-cases/ledger';
import { api } from './helpers/api';
import { createTestApp, type TestApp, type TestOrg } from './helpers/app';
import { ENGINES } from './helpers/db';

const DAY = 86_400_000;

describe.each(ENGINES)('earning, refunds and expiry of points on %s', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  let a: ReturnType<typeof api>;
  let seq = 0;
  beforeAll(async () => {
    t = await createTestApp(engine);
    org = await t.createOrg();
    a = api(t, org);
    await a.ok('PATCH', '/api/v1/settings/loyalty', {
      active: true,
      expiry: 'days_after_earning',
      expiryDays: 30,
    });
    await a.ok('POST', '/api/v1/loyalty/earn-rules', { name: 'Per euro', kind: 'amount', pointsPerUnit: 1 });
  });
  afterAll(() => t.close());

  const at = (days = 0) => new Date(t.clock.now().getTime() + days * DAY).toISOString();
  const purchase = (customer: string, amount: number, extra: object = {}) => ({
    id: `p-${++seq}`,
    type: 'purchase',
    customerExternalId: customer,
    occurredAt: at(),
    amount,
    ...extra,
  });
  const refund = (customer: string, purchaseId: string, amount?: number) => ({
    id: `r-${++seq}`,
    type: 'refund',
    customerExternalId: customer,
    occurredAt: at(),
    ...(amount === undefined ? {} : { amount }),
    data: { purchaseEventId: purchaseId },
  });
  const send = async (...events: object[]) => {
    const answer = await a.ok('POST', '/api/v1/events/batch', { events });
    t.clock.advance(1000); // entries list newest first by the time they were written
    return answer;
  };
  const points = (customer: string) => a.ok('GET', `/api/v1/customers/${customer}/points?limit=50`);
  const customerId = (externalId: string) =>
    t.ctx.db.withOrg(org.orgId, (tx) => ensureCustomer(t.ctx, tx, org.orgId, externalId));
  const check = async () => {
    const run = await checkLedger(t.ctx, org.orgId);
    expect(JSON.stringify(run.breaks)).toBe('[]');
  };

  it('a purchase earns by the rules; a re-delivered event earns once', async () => {
    const p = purchase('ann', 2599);
    await send(p);
    await send(p); // the batch API skips the stored id
    expect((await points('ann')).balance).toBe(25);
    // Delivered again to the subscriber itself (a replay, a catch-up overlapping live earning).
    const id = await customerId('ann');
    const replay = {
      orgId: org.orgId,
      customerId: id,
      eventId: p.id,
      type: 'purchase',
      occurredAt: new Date(p.occurredAt),
      amountMinor: 2599,
      channel: null,
      touchpoint: null,
      data: {},
    };
    await t.ctx.db.withOrg(org.orgId, async (tx) => {
      const program = {
        active: true,
        expiry: 'never' as const,
        expiryDays: null,
        refundWhenSpent: 'negative_balance' as const,
      };
      const outcome = await earnForEvents(t.ctx, tx, org.orgId, [replay, replay], program);
      expect(outcome.earned).toBe(0);
    });
    expect((await points('ann')).balance).toBe(25);
    expect((await earnPastEvents(t.ctx, org.orgId)).earned).toBe(0);
    const body = await points('ann');
    expect(body.entries).toHaveLength(1);
    expect(body.entries[0]).toMatchObject({ kind: 'earn', points: 25, source: { kind: 'event', id: p.id } });
    expect(new Date(body.expiringSoon[0].expiresAt).getTime()).toBe(
      new Date(p.occurredAt).getTime() + 30 * DAY,
    );
    await check();
  });

  it('a partial refund reverses in proportion; a second refund only what is left', async () => {
    const p = purchase('bob', 10_000);
    await send(p);
    await send(refund('bob', p.id, 2500));
    expect((await points('bob')).balance).toBe(75);
    await send(refund('bob', p.id, 10_000));
    const body = await points('bob');
    expect(body.balance).toBe(0);
    expect(body.entries.map((e: { kind: string; points: number }) => [e.kind, e.points])).toEqual([
      ['refund', -75],
      ['refund', -25],
      ['earn', 100],
    ]);
    await check();
  });

  it('a refund after spending takes the balance below zero by exactly the spent points, and says so', async () => {
    const p = purchase('cat', 5000);
    await send(p);
    const id = await customerId('cat');
    await t.ctx.db.withOrg(org.orgId, (tx) =>
      spendPoints(t.ctx, tx, {
        orgId: org.orgId,
        customerId: id,
        points: 30,
        reason: 'coffee',
        source: { kind: 'redemption' },
      }),
    );
    t.clock.advance(1000);
    await send(refund('cat', p.id));
    const body = await points('cat');
    expect(body.balance).toBe(-30);
    expect(body.debt).toBe(30);
    expect(body.entries[0].reason).toMatch(/below zero by 30 \(policy negative_balance\)/);
    await check();
    // The next earn pays the debt off first.
    await send(purchase('cat', 4000));
    expect((await points('cat')).balance).toBe(10);
    expect((await points('cat')).debt).toBe(0);
    await check();
  });

  it('a refund in the same batch as its purchase, and one naming no purchase of the customer, are handled', async () => {
    const p = purchase('dan', 2000);
    await send(p, refund('dan', p.id, 1000), refund('eve', p.id));
    expect((await points('dan')).balance).toBe(10);
    expect((await points('eve')).balance).toBe(0);
    await check();
  });

  it('expiry writes an expire entry per customer and keeps the invariant; refunds of expired points take nothing', async () => {
    const p = purchase('fay', 4000);
    await send(p);
    await send(purchase('fay', 1000, { occurredAt: at(20) }));
    t.clock.advance(31 * DAY);
    const outcome = await expirePoints(t.ctx, org.orgId);
    expect(outcome.points).toBeGreaterThanOrEqual(40);
    const body = await points('fay');
    expect(body.balance).toBe(10);
    expect(body.entries[0]).toMatchObject({ kind: 'expire', points: -40, source: { kind: 'expiry' } });
    await send(refund('fay', p.id));
    expect((await points('fay')).balance).toBe(10);
    expect((await expirePoints(t.ctx, org.orgId)).points).toBe(0);
    await check();
  });

  it('the invariant check reports a tampered ledger, through the API too', async () => {
    const id = await customerId('ann');
    const { balance } = await points('ann');
    const tamper = (by: number) =>
      t.ctx.db.queryOwner('update loyalty_accounts set balance = balance + $2 where customer_id = $1', [
        id,
        by,
      ]);
    await tamper(1);
    t.clock.advance(1000); // the last run is the latest by its time
    const run = await checkLedger(t.ctx, org.orgId);
    await tamper(-1);
    expect(run.breakCount).toBe(1);
    expect(run.breaks[0]).toMatchObject({ customerId: id, entriesSum: balance, balance: balance + 1 });
    const body = await a.ok('GET', '/api/v1/loyalty/invariant-check');
    expect(body.lastRun.breakCount).toBe(1);
    await check();
  });

  it('manual adjustments carry the reason and user; a negative one cannot overdraw', async () => {
    await send(purchase('gus', 1500));
    const up = await a.post('/api/v1/loyalty/adjustments', {
      customerExternalId: 'gus',
      points: 5,
      reason: 'apology',
    });
    expect(up.status).toBe(201);
    expect(up.body.balance).toBe(20);
    const over = await a.post('/api/v1/loyalty/adjustments', {
      customerExternalId: 'gus',
      points: -21,
      reason: 'fix',
    });
    expect(over.status).toBe(409);
    expect(over.body.detail).toMatch(/insufficient_points/);
    const down = await a.post('/api/v1/loyalty/adjustments', {
      customerExternalId: 'gus',
      points: -20,
      reason: 'fix',
    });
    expect(down.body.balance).toBe(0);
    const noReason = await a.post('/api/v1/loyalty/adjustments', {
      customerExternalId: 'gus',
      points: 1,
      reason: ' ',
    });
    expect(noReason.status).toBe(400);
    const nobody = await a.post('/api/v1/loyalty/adjustments', {
      customerExternalId: 'nobody',
      points: 1,
      reason: 'x',
    });
    expect(nobody.status).toBe(400);
    expect(nobody.body.errors[0].field).toBe('body.customerExternalId');
    await check();
  });

  it('entries page newest first with a cursor', async () => {
    for (let i = 0; i < 4; i++) {
      await send(purchase('hal', 100 * (i + 1)));
      t.clock.advance(1000);
    }
    const first = await a.ok('GET', '/api/v1/customers/hal/points?limit=3');
    expect(first.entries.map((e: { points: number }) => e.points)).toEqual([4, 3, 2]);
    const second = await a.ok('GET', `/api/v1/customers/hal/points?limit=3&cursor=${first.nextCursor}`);
    expect(second.entries.map((e: { points: number }) => e.points)).toEqual([1]);
    expect(second.nextCursor).toBeNull();
  });

  it('an organization without an active program earns nothing', async () => {
    const other = await t.createOrg();
    await api(t, other).ok('POST', '/api/v1/loyalty/earn-rules', {
      name: 'Per euro',
      kind: 'amount',
      pointsPerUnit: 1,
    });
    await api(t, other).ok('POST', '/api/v1/events/batch', { events: [purchase('ivy', 5000)] });
    expect((await api(t, other).ok('GET', '/api/v1/customers/ivy/points')).balance).toBe(0);
    const [{ n }] = await t.ctx.db.queryOwner<{ n: number }>(
      'select count(*)::int as n from loyalty_entries where org_id = $1',
      [other.orgId],
    );
    expect(n).toBe(0);
  });

  it('past events earn in time order once the program starts (the catch-up)', async () => {
    const other = await t.createOrg();
    const o = api(t, other);
    await o.ok('POST', '/api/v1/loyalty/earn-rules', { name: 'Per euro', kind: 'amount', pointsPerUnit: 2 });
    const p = { ...purchase('jo', 1000), occurredAt: at(-10) };
    await o.ok('POST', '/api/v1/events/batch', {
      events: [refund('jo', p.id, 500), p, { ...purchase('jo', 300), occurredAt: at(-5) }],
    });
    await o.ok('PATCH', '/api/v1/settings/loyalty', { active: true });
    const outcome = await earnPastEvents(t.ctx, other.orgId);
    expect(outcome).toMatchObject({
      events: 3,
      earned: 2,
      refunded: 1,
      pointsEarned: 26,
      pointsReversed: 10,
    });
    expect((await o.ok('GET', '/api/v1/customers/jo/points')).balance).toBe(16);
    expect((await earnPastEvents(t.ctx, other.orgId)).earned).toBe(0);
    expect((await checkLedger(t.ctx, other.orgId)).breaks).toEqual([]);
    void recordEvents;
    void sql;
  });
});
