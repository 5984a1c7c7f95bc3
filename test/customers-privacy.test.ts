import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  customerExtensions,
  registerCustomerExtension,
} from '../src/modules/customers/use-cases/customer-extensions';
import { RFM_JOB } from '../src/modules/customers/use-cases/recompute';
import { type Api, api } from './helpers/api';
import { createTestApp, type TestApp, type TestOrg } from './helpers/app';
import { daysAgo } from './helpers/customers';
import { ENGINES } from './helpers/db';

const PERSON = {
  externalId: 'zofia-8812',
  email: 'zofia.erasable@example.org',
  phone: '+48 511 222 333',
  name: 'Zofia Erasable',
};

describe.each(ENGINES)('customer profile, timeline and privacy on %s', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  let as: Api;
  const erased: string[] = [];
  beforeAll(async () => {
    t = await createTestApp(engine);
    registerCustomerExtension(t.ctx, {
      name: 'testNotes',
      profile: async () => ({ nps: 9 }),
      export: async (_tx, _org, customerId) => ({ answers: [{ text: 'great pizza', customerId }] }),
      erase: async (_tx, _org, customerId) => {
        erased.push(customerId);
      },
    });
    org = await t.createOrg();
    as = api(t, org);
    await as.post('/api/v1/customers/batch', {
      customers: [
        { ...PERSON, attributes: { note: `${PERSON.name} likes olives` } },
        { externalId: 'bystander', name: 'Other' },
      ],
    });
    await as.post('/api/v1/events/batch', {
      events: [
        {
          id: `${PERSON.externalId}-order-1`,
          type: 'purchase',
          customerExternalId: PERSON.externalId,
          occurredAt: daysAgo(t, 30),
          amount: 4000,
          data: { note: PERSON.email },
        },
        {
          id: `${PERSON.externalId}-order-2`,
          type: 'purchase',
          customerExternalId: PERSON.externalId,
          occurredAt: daysAgo(t, 20),
          amount: 2500,
        },
        {
          id: `${PERSON.externalId}-visit`,
          type: 'visit',
          customerExternalId: PERSON.externalId,
          occurredAt: daysAgo(t, 10),
        },
        { type: 'purchase', customerExternalId: 'bystander', occurredAt: daysAgo(t, 5), amount: 1000 },
      ],
    });
    await t.ctx.jobs.runDue(); // the stage histories
  });
  afterAll(() => t?.close());

  it('pages the timeline of events and stage changes, newest first', async () => {
    const items: { kind: string; type: string }[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/customers/${PERSON.externalId}/timeline?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page: { items: { kind: string; type: string }[]; nextCursor: string | null } = (await as.get(url))
        .body;
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    // the stage change is dated at the first purchase, which it follows
    expect(items.map((i) => `${i.kind}:${i.type}`)).toEqual([
      'event:visit',
      'event:purchase',
      'stage_change:buyer',
      'event:purchase',
    ]);
    expect((await as.get(`/api/v1/customers/${PERSON.externalId}/timeline?cursor=bm9wZQ`)).status).toBe(400);
    expect((await as.get('/api/v1/customers/nobody/timeline')).status).toBe(404);
  });

  it('exports everything held about the person, with every extension', async () => {
    await t.ctx.jobs.enqueue(RFM_JOB, { orgId: org.orgId });
    await t.ctx.jobs.runDue();
    const res = await as.get(`/api/v1/customers/${PERSON.externalId}/export`);
    expect(res.status).toBe(200);
    const doc = res.body;
    expect(doc.customer).toMatchObject(PERSON);
    expect(doc.events.map((e: { id: string }) => e.id)).toEqual([
      `${PERSON.externalId}-order-1`,
      `${PERSON.externalId}-order-2`,
      `${PERSON.externalId}-visit`,
    ]);
    expect(doc.stageHistory).toHaveLength(1);
    expect(doc.rfm).toMatchObject({ frequency: 2, monetaryMinor: 6500 });
    expect(doc.testNotes.answers[0].text).toBe('great pizza');
    expect((await as.get(`/api/v1/customers/${PERSON.externalId}`)).body.testNotes).toEqual({
      nps: 9,
    });
  });

  it('erases personal data everywhere while aggregates stay right', async () => {
    // a change sent with an Idempotency-Key keeps its answer (with the e-mail) for replay
    const patched = await as.patch(
      `/api/v1/customers/${PERSON.externalId}`,
      { locale: 'pl' },
      { headers: { 'idempotency-key': 'p-1' } },
    );
    expect(patched.body.email).toBe(PERSON.email);
    const totals = () =>
      t.ctx.db.queryOwner<{ n: number; sum: number }>(
        'select count(*)::int as n, sum(amount_base_minor)::int as sum from events where org_id = $1',
        [org.orgId],
      );
    const before = await totals();
    const stagesBefore = (await as.get('/api/v1/analytics/lifecycle')).body.counts;

    const res = await as.delete(`/api/v1/customers/${PERSON.externalId}`);
    expect(res.status).toBe(204);
    expect(erased).toHaveLength(1);
    expect((await as.get(`/api/v1/customers/${PERSON.externalId}`)).status).toBe(404);
    expect((await as.delete(`/api/v1/customers/${PERSON.externalId}`)).status).toBe(404);

    const leaks = await findInAnyTable(t, Object.values(PERSON));
    expect(leaks).toEqual([]);

    expect(await totals()).toEqual(before);
    expect((await as.get('/api/v1/analytics/lifecycle')).body.counts).toEqual(stagesBefore);
    const [erasure] = await t.ctx.db.queryOwner<Record<string, unknown>>(
      'select * from erasures where org_id = $1',
      [org.orgId],
    );
    expect(erasure.events_pseudonymised).toBe(3);
    // every extension with an erase step ran: ours and those of the other modules
    const erasers = customerExtensions(t.ctx).filter((e) => e.erase).length;
    expect(erasure.extensions_erased).toBe(erasers);
    const listed = (await as.get('/api/v1/customers?limit=500')).body.items;
    expect(listed.map((c: { externalId: string }) => c.externalId)).toEqual(['bystander']);

    // the same external id sent again is a new, unrelated customer
    await as.post('/api/v1/customers/batch', { customers: [{ externalId: PERSON.externalId }] });
    const again = (await as.get(`/api/v1/customers/${PERSON.externalId}`)).body;
    expect(again).toMatchObject({ email: null, lifecycleStage: 'potential', stageHistory: [] });
  });
});

/** Every table of the schema, read as the owner (no row-level security), searched for the values. */
async function findInAnyTable(t: TestApp, values: string[]) {
  const tables = await t.ctx.db.queryOwner<{ table_name: string }>(
    `select table_name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE'`,
  );
  expect(tables.length).toBeGreaterThan(10);
  const found: string[] = [];
  for (const { table_name } of tables) {
    const rows = await t.ctx.db.queryOwner<{ row: string }>(`select t::text as row from ${table_name} t`);
    for (const { row } of rows) {
      for (const value of values) if (row.includes(value)) found.push(`${table_name}: ${value}`);
    }
  }
  return found;
}
