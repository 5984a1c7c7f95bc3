import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainEvents } from '../src/events/bus';
import { type Api, api } from './helpers/api';
import { createTestApp, type TestApp, type TestOrg } from './helpers/app';
import { problemOf } from './helpers/customers';
import { ENGINES } from './helpers/db';

describe.each(ENGINES)('interaction events on %s', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  let as: Api;
  const recorded: DomainEvents['event.recorded'][] = [];
  const created: string[] = [];
  beforeAll(async () => {
    t = await createTestApp(engine);
    t.ctx.bus.on('event.recorded', async (_tx, e) => {
      recorded.push(e);
    });
    t.ctx.bus.on('customer.created', async (_tx, c) => {
      created.push(c.externalId);
    });
    org = await t.createOrg(); // base currency EUR
    as = api(t, org);
  });
  afterAll(() => t?.close());

  const count = async (sql: string) =>
    Number((await t.ctx.db.queryOwner<{ n: number }>(sql, [org.orgId]))[0].n);

  it('creates unknown customers and stores a retried batch once', async () => {
    const batch = {
      events: [
        {
          id: 'e-1',
          type: 'purchase',
          customerExternalId: 'new-1',
          occurredAt: '2026-02-01T10:00:00+01:00',
          amount: 1999,
        },
        {
          id: 'e-2',
          type: 'visit',
          customerExternalId: 'new-2',
          occurredAt: '2026-02-02T10:00:00Z',
          channel: 'web',
          touchpoint: 'home',
        },
        {
          id: 'e-3',
          type: 'cart_abandoned',
          customerExternalId: 'new-1',
          occurredAt: '2026-02-03T10:00:00Z',
          data: { cart: 3 },
        },
        {
          type: 'purchase',
          customerExternalId: 'new-1',
          occurredAt: '2026-02-04T10:00:00Z',
          amount: 500,
          items: [{ sku: 'pizza', quantity: 2 }],
        },
      ],
    };
    const first = await as.post('/api/v1/events/batch', batch);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ received: 4, stored: 4, duplicates: 0, customersCreated: 2 });
    expect(created).toEqual(expect.arrayContaining(['new-1', 'new-2']));
    expect(recorded).toHaveLength(4);

    const retry = await as.post('/api/v1/events/batch', { events: batch.events.slice(0, 3) });
    expect(retry.body).toEqual({ received: 3, stored: 0, duplicates: 3, customersCreated: 0 });
    expect(recorded).toHaveLength(4);
    expect(
      await count("select count(*) as n from events where org_id = $1 and id in ('e-1','e-2','e-3')"),
    ).toBe(3);

    const repeatedInBatch = await as.post('/api/v1/events/batch', {
      events: [
        { id: 'e-9', type: 'visit', customerExternalId: 'new-2', occurredAt: '2026-02-05T10:00:00Z' },
        { id: 'e-9', type: 'visit', customerExternalId: 'new-2', occurredAt: '2026-02-05T10:00:00Z' },
      ],
    });
    expect(repeatedInBatch.body).toMatchObject({ stored: 1, duplicates: 1 });

    // A stored id beside a new customer: the customer is created once, with its event.
    const mixed = await as.post('/api/v1/events/batch', {
      events: [
        batch.events[0],
        { id: 'e-10', type: 'visit', customerExternalId: 'new-3', occurredAt: '2026-02-06T10:00:00Z' },
      ],
    });
    expect(mixed.body).toEqual({ received: 2, stored: 1, duplicates: 1, customersCreated: 1 });
    expect(
      await count("select count(*) as n from customers where org_id = $1 and external_id = 'new-3'"),
    ).toBe(1);
    expect((await as.get('/api/v1/customers/new-3')).body.lifecycleStage).toBe('visitor');

    const [pizza] = await t.ctx.db.queryOwner<{
      data: { items: unknown[] };
      currency: string;
      amount_base_minor: number;
    }>('select data, currency, amount_base_minor from events where org_id = $1 and amount_minor = 500', [
      org.orgId,
    ]);
    expect(pizza).toMatchObject({
      currency: 'EUR',
      amount_base_minor: 500,
      data: { items: [{ sku: 'pizza', quantity: 2 }] },
    });
    expect((await as.get('/api/v1/customers/new-1')).body.lifecycleStage).toBe('buyer');
    expect((await as.get('/api/v1/customers/new-2')).body.lifecycleStage).toBe('visitor');
  });

  it('lets concurrent batches name the same new customers: each is created once, every event kept', async () => {
    const batches = Array.from({ length: 6 }, (_, b) => ({
      events: Array.from({ length: 40 }, (_, i) => ({
        id: `race-${b}-${i}`,
        type: 'visit',
        customerExternalId: `racer-${i % 25}`,
        occurredAt: '2026-02-01T10:00:00Z',
      })),
    }));
    const answers = await Promise.all(batches.map((batch) => as.post('/api/v1/events/batch', batch)));
    for (const res of answers) expect(res.status, res.text).toBe(200);
    const createdNow = answers.reduce((sum, res) => sum + res.body.customersCreated, 0);
    expect(createdNow).toBe(25);
    expect(
      await count("select count(*) as n from customers where org_id = $1 and external_id like 'racer-%'"),
    ).toBe(25);
    expect(await count("select count(*) as n from events where org_id = $1 and id like 'race-%'")).toBe(240);
  });

  it('keeps every instant to the millisecond, whatever its offset', async () => {
    const instants = [
      '1970-01-01T00:00:00.001Z',
      '1999-12-31T23:59:59.999-11:30',
      '2026-02-28T10:00:00.5+14:00',
      '2038-01-19T03:14:08.123Z',
      '2099-07-01T00:00:00.007+02:00',
    ];
    const events = instants.map((occurredAt, i) => ({
      id: `instant-${i}`,
      type: 'visit',
      customerExternalId: 'timekeeper',
      occurredAt,
    }));
    expect((await as.post('/api/v1/events/batch', { events })).status).toBe(200);
    const stored = await t.ctx.db.queryOwner<{ id: string; ms: string }>(
      "select id, (extract(epoch from occurred_at) * 1000)::bigint::text as ms from events where org_id = $1 and id like 'instant-%' order by id",
      [org.orgId],
    );
    expect(stored.map((r) => Number(r.ms))).toEqual(instants.map((at) => new Date(at).getTime()));
  });

  it('replays the first answer of a batch sent again with the same Idempotency-Key', async () => {
    const batch = {
      events: [
        { id: 'idem-1', type: 'visit', customerExternalId: 'idem-c', occurredAt: '2026-02-10T10:00:00Z' },
      ],
    };
    const headers = { 'idempotency-key': 'batch-42' };
    const first = await as.post('/api/v1/events/batch', batch, { headers });
    const again = await as.post('/api/v1/events/batch', batch, { headers });
    expect(first.body).toEqual({ received: 1, stored: 1, duplicates: 0, customersCreated: 1 });
    expect(again.status).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body); // not "duplicates: 1": the first answer itself
    const other = await as.post(
      '/api/v1/events/batch',
      { events: [{ ...batch.events[0], id: 'idem-2' }] },
      { headers },
    );
    expect(other.status).toBe(422);
  });

  it('converts amounts with the rate in force on the event day and refuses unknown rates naming the row', async () => {
    const rates = await as.post('/api/v1/exchange-rates', {
      rates: [
        { currency: 'PLN', validFrom: '2026-01-01', rate: 0.25 },
        { currency: 'PLN', validFrom: '2026-02-01', rate: 0.2 },
        { currency: 'JPY', validFrom: '2026-01-01', rate: 0.0062 },
      ],
    });
    expect(rates.body).toEqual({ saved: 3 });
    const res = await as.post('/api/v1/events/batch', {
      events: [
        {
          id: 'fx-1',
          type: 'purchase',
          customerExternalId: 'fx',
          occurredAt: '2026-01-31T23:59:00Z',
          amount: 10000,
          currency: 'PLN',
        },
        {
          id: 'fx-2',
          type: 'purchase',
          customerExternalId: 'fx',
          occurredAt: '2026-02-01T00:00:00Z',
          amount: 10000,
          currency: 'PLN',
        },
        {
          id: 'fx-3',
          type: 'refund',
          customerExternalId: 'fx',
          occurredAt: '2026-02-02T00:00:00Z',
          amount: 1000,
          currency: 'JPY',
        },
      ],
    });
    expect(res.status).toBe(200);
    const rows = await t.ctx.db.queryOwner<{ id: string; amount_base_minor: number; currency: string }>(
      "select id, amount_base_minor, currency from events where org_id = $1 and id like 'fx-%' order by id",
      [org.orgId],
    );
    // 100.00 PLN at 0.25 and at 0.20; ¥1000 (no minor unit) at 0.0062 = €6.20
    expect(rows.map((r) => [r.id, r.currency, Number(r.amount_base_minor)])).toEqual([
      ['fx-1', 'PLN', 2500],
      ['fx-2', 'PLN', 2000],
      ['fx-3', 'JPY', 620],
    ]);

    const refused = await as.post('/api/v1/events/batch', {
      events: [
        {
          id: 'fx-4',
          type: 'purchase',
          customerExternalId: 'fx-new',
          occurredAt: '2026-02-02T00:00:00Z',
          amount: 100,
        },
        {
          id: 'fx-5',
          type: 'purchase',
          customerExternalId: 'fx-new',
          occurredAt: '2025-12-31T12:00:00Z',
          amount: 100,
          currency: 'PLN',
        },
        {
          id: 'fx-6',
          type: 'purchase',
          customerExternalId: 'fx-new',
          occurredAt: '2026-02-02T00:00:00Z',
          amount: 100,
          currency: 'GBP',
        },
      ],
    });
    expect(refused.status).toBe(422);
    const body = problemOf(refused);
    expect(body.errors!.map((e) => e.field)).toEqual(['body.events.1.currency', 'body.events.2.currency']);
    expect(body.errors![1].message).toContain('GBP');
    expect(body.detail).toContain('body.events.1.currency');
    expect(await count("select count(*) as n from events where org_id = $1 and id like 'fx-%'")).toBe(3);
    expect((await as.get('/api/v1/customers/fx-new')).status).toBe(404); // nothing half-written
  });

  it('manages exchange rates: list with paging, replace, delete, refuse the base currency', async () => {
    await as.post('/api/v1/exchange-rates', {
      rates: [{ currency: 'PLN', validFrom: '2026-01-01', rate: 0.24 }],
    });
    const page1 = (await as.get('/api/v1/exchange-rates?limit=2')).body;
    expect(page1.items).toEqual([
      { currency: 'JPY', validFrom: '2026-01-01', rate: 0.0062 },
      { currency: 'PLN', validFrom: '2026-01-01', rate: 0.24 },
    ]);
    const page2 = (await as.get(`/api/v1/exchange-rates?limit=2&cursor=${page1.nextCursor}`)).body;
    expect(page2).toEqual({
      items: [{ currency: 'PLN', validFrom: '2026-02-01', rate: 0.2 }],
      nextCursor: null,
    });

    expect((await as.delete('/api/v1/exchange-rates/JPY/2026-01-01')).status).toBe(204);
    expect((await as.delete('/api/v1/exchange-rates/JPY/2026-01-01')).status).toBe(404);
    const base = await as.post('/api/v1/exchange-rates', {
      rates: [{ currency: 'EUR', validFrom: '2026-01-01', rate: 1 }],
    });
    expect(base.status).toBe(400);
    expect(problemOf(base).errors![0].field).toBe('body.rates.0.currency');
    const bad = await as.post('/api/v1/exchange-rates', {
      rates: [{ currency: 'pln', validFrom: '2026-13-01', rate: -1 }],
    });
    expect(problemOf(bad).errors!.map((e) => e.field)).toEqual(
      expect.arrayContaining(['body.rates.0.currency', 'body.rates.0.validFrom', 'body.rates.0.rate']),
    );
  });

  it('validates events and names the bad fields', async () => {
    const res = await as.post('/api/v1/events/batch', {
      events: [
        { type: 'purchase', customerExternalId: 'v', occurredAt: '2026-02-01T10:00:00Z', amount: 1.5 },
        { type: 'Purchase!', customerExternalId: 'v', occurredAt: '2026-02-01T10:00:00Z' },
        { type: 'visit', customerExternalId: 'v', occurredAt: '2026-02-01 10:00' },
        {
          type: 'survey_response',
          customerExternalId: 'v',
          occurredAt: '2026-02-01T10:00:00Z',
          data: { nps: 11 },
        },
        { type: 'purchase', customerExternalId: 'v', occurredAt: '2026-02-01T10:00:00Z', currency: 'PLN' },
      ],
    });
    expect(res.status).toBe(400);
    expect(problemOf(res).errors!.map((e) => e.field)).toEqual(
      expect.arrayContaining([
        'body.events.0.amount',
        'body.events.1.type',
        'body.events.2.occurredAt',
        'body.events.3.data.nps',
        'body.events.4.amount',
      ]),
    );
    expect((await as.post('/api/v1/events/batch', { events: [] })).status).toBe(400);
  });
});
