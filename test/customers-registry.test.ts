import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCustomerExtension } from '../src/modules/customers/use-cases/customer-extensions';
import { type Api, api } from './helpers/api';
import { createTestApp, type TestApp, type TestOrg } from './helpers/app';
import { problemOf } from './helpers/customers';
import { ENGINES } from './helpers/db';

describe.each(ENGINES)('customer registry on %s', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  let as: Api;
  beforeAll(async () => {
    t = await createTestApp(engine);
    registerCustomerExtension(t.ctx, {
      name: 'stamps',
      profile: async () => ({ balance: 42 }),
    });
    org = await t.createOrg();
    as = api(t, org);
  });
  afterAll(() => t?.close());

  it('upserts a batch by externalId and counts created and updated', async () => {
    const first = await as.post('/api/v1/customers/batch', {
      customers: [
        { externalId: 'c-1', email: 'anna@example.com', name: 'Anna Nowak', attributes: { city: 'Kraków' } },
        { externalId: 'c-2', phone: '+48 600 100 200', consent: { email: true, sms: false } },
        { externalId: 'c-3', locale: 'cs' },
      ],
    });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ created: 3, updated: 0 });

    const second = await as.post('/api/v1/customers/batch', {
      customers: [
        { externalId: 'c-1', name: 'Anna Kowalska', attributes: { tier: 'gold' } },
        { externalId: 'c-4', email: 'piotr@example.com' },
      ],
    });
    expect(second.body).toEqual({ created: 1, updated: 1 });

    const anna = (await as.get('/api/v1/customers/c-1')).body;
    expect(anna).toMatchObject({
      externalId: 'c-1',
      email: 'anna@example.com', // a field left out keeps its value
      name: 'Anna Kowalska',
      attributes: { city: 'Kraków', tier: 'gold' }, // attributes merge
      lifecycleStage: 'potential',
      rfm: null,
      stageHistory: [],
      stamps: { balance: 42 }, // each extension under its name
    });
    expect(anna.id).toBeUndefined();
  });

  it('names the bad field of a bad batch and writes nothing of it', async () => {
    const customers = [
      { externalId: 'v-1' },
      { externalId: 'v-2', email: 'not-an-email' },
      { externalId: 'v-3' },
      { email: 'x@example.com' },
    ];
    const res = await as.post('/api/v1/customers/batch', { customers });
    expect(res.status).toBe(400);
    const fields = problemOf(res).errors!.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['body.customers.1.email', 'body.customers.3.externalId']));
    expect((await as.get('/api/v1/customers/v-1')).status).toBe(404);

    const repeated = await as.post('/api/v1/customers/batch', {
      customers: [{ externalId: 'd-1' }, { externalId: 'd-1' }],
    });
    expect(repeated.status).toBe(400);
    expect(problemOf(repeated).errors![0].field).toBe('body.customers.1.externalId');

    const nul = await as.post('/api/v1/customers/batch', {
      customers: [{ externalId: 'n-1', attributes: { note: 'a\u0000b' } }],
    });
    expect(nul.status).toBe(400);
    expect(problemOf(nul).errors![0].field).toBe('body.customers.0.attributes.note');

    const tooMany = await as.post('/api/v1/customers/batch', {
      customers: Array.from({ length: 10_001 }, (_, i) => ({ externalId: `m-${i}` })),
    });
    expect(tooMany.status).toBe(400);
    expect(problemOf(tooMany).errors![0].field).toBe('body.customers');
  });

  it('lists, searches and filters with cursor paging', async () => {
    await as.post('/api/v1/customers/batch', {
      customers: Array.from({ length: 7 }, (_, i) => ({
        externalId: `p-${i}`,
        name: i % 2 ? 'Odd Person' : 'Even Person',
        attributes: { city: i < 3 ? 'Brno' : 'Praha' },
      })),
    });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/customers?q=Person&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const page: { items: { externalId: string }[]; nextCursor: string | null } = (await as.get(url)).body;
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((c: { externalId: string }) => c.externalId));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['p-0', 'p-1', 'p-2', 'p-3', 'p-4', 'p-5', 'p-6']);

    const brno = (await as.get(`/api/v1/customers?attribute=${encodeURIComponent('city:Brno')}`)).body;
    expect(brno.items.map((c: { externalId: string }) => c.externalId)).toEqual(['p-0', 'p-1', 'p-2']);
    const byEmail = (await as.get('/api/v1/customers?q=PIOTR@')).body;
    expect(byEmail.items.map((c: { externalId: string }) => c.externalId)).toEqual(['c-4']);
    await as.post('/api/v1/customers/batch', {
      customers: [{ externalId: 'ŁÓDŹ-7', name: 'Żaneta Świątek' }],
    });
    for (const q of ['łódź', 'ŻANETA', 'świątek']) {
      const found = (await as.get(`/api/v1/customers?q=${encodeURIComponent(q)}`)).body;
      expect(found.items.map((c: { externalId: string }) => c.externalId)).toEqual(['ŁÓDŹ-7']);
    }
    const potential = (await as.get('/api/v1/customers?stage=potential&limit=500')).body;
    expect(potential.items.length).toBeGreaterThanOrEqual(11);
    expect((await as.get('/api/v1/customers?segment=champions')).body.items).toEqual([]);

    const bad = await as.get('/api/v1/customers?stage=happy');
    expect(bad.status).toBe(400);
    expect(problemOf(bad).errors![0].field).toBe('query.stage');
    expect((await as.get('/api/v1/customers?cursor=zzz')).status).toBe(400);
  });

  it('changes fields, owner and consent with PATCH', async () => {
    const users = (await as.get('/api/v1/users')).body.items;
    const owner = users[0].id;
    const res = await as.patch('/api/v1/customers/c-2', {
      name: 'Jan',
      ownerId: owner,
      consent: { sms: true },
      attributes: { vip: true },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'Jan', ownerId: owner, consent: { email: true, sms: true } });
    const removed = await as.patch('/api/v1/customers/c-2', { attributes: { vip: null }, phone: null });
    expect(removed.body).toMatchObject({ attributes: {}, phone: null });

    const stranger = await as.patch('/api/v1/customers/c-2', {
      ownerId: '00000000-0000-4000-8000-000000000000',
    });
    expect(stranger.status).toBe(400);
    expect(problemOf(stranger).errors![0].field).toBe('body.ownerId');
    const badEmail = await as.patch('/api/v1/customers/c-2', { email: 'nope' });
    expect(problemOf(badEmail).errors![0].field).toBe('body.email');
    expect((await as.patch('/api/v1/customers/nobody', { name: 'x' })).status).toBe(404);
  });

  it('finds customers whose external id needs URL encoding', async () => {
    await as.post('/api/v1/customers/batch', { customers: [{ externalId: 'a/b c?d' }] });
    const res = await as.get(`/api/v1/customers/${encodeURIComponent('a/b c?d')}`);
    expect(res.status).toBe(200);
    expect(res.body.externalId).toBe('a/b c?d');
  });
});
