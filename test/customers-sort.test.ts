import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from './helpers/api';
import { createTestApp, type TestApp, type TestOrg } from './helpers/app';
import { problemOf } from './helpers/customers';
import { ENGINES } from './helpers/db';
import { seedValuedCustomers } from './helpers/valued-customers';

const CUSTOMERS = [
  { externalId: 'c-1', purchasedDaysAgo: 40, clvMinor: 66016, aliveProbability: 0.91 },
  { externalId: 'c-2', purchasedDaysAgo: 5, clvMinor: 1200, aliveProbability: 0.35 },
  { externalId: 'c-3', purchasedDaysAgo: 300, clvMinor: 99999, aliveProbability: 0.12 },
  { externalId: 'c-4', purchasedDaysAgo: 5, clvMinor: 1200, aliveProbability: 0.35 },
  { externalId: 'c-5' }, // never bought, not scored
  { externalId: 'c-6', purchasedDaysAgo: 100, clvMinor: 0, aliveProbability: 0.6 },
];

describe.each(ENGINES)('the customer list sorted by its figures on %s', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  beforeAll(async () => {
    t = await createTestApp(engine);
    org = await t.createOrg();
    await seedValuedCustomers(t, org, CUSTOMERS);
  });
  afterAll(() => t?.close());

  /** Every page of the list in this order, two at a time, as external ids. */
  const listed = async (sort: string) => {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const more: string = cursor ? `&cursor=${cursor}` : '';
      const page = await api(t, org).ok('GET', `/api/v1/customers?sort=${sort}&limit=2${more}`);
      ids.push(...page.items.map((c: { externalId: string }) => c.externalId));
      cursor = page.nextCursor;
    } while (cursor);
    return ids;
  };

  it('shows value, probability alive and last purchase on each row', async () => {
    const page = await api(t, org).ok('GET', '/api/v1/customers?q=c-1');
    expect(page.items[0]).toMatchObject({
      clvMinor: 66016,
      currency: 'EUR',
      aliveProbability: 0.91,
      lastPurchaseOn: new Date(t.clock.now().getTime() - 40 * 86_400_000).toISOString().slice(0, 10),
    });
    const never = await api(t, org).ok('GET', '/api/v1/customers?q=c-5');
    expect(never.items[0]).toMatchObject({ clvMinor: null, aliveProbability: null, lastPurchaseOn: null });
  });

  it('sorts by each figure both ways across pages, ties by id, customers without it last', async () => {
    expect(await listed('-clv')).toEqual(['c-3', 'c-1', 'c-4', 'c-2', 'c-6', 'c-5']);
    expect(await listed('clv')).toEqual(['c-6', 'c-2', 'c-4', 'c-1', 'c-3', 'c-5']);
    expect(await listed('-aliveProbability')).toEqual(['c-1', 'c-6', 'c-4', 'c-2', 'c-3', 'c-5']);
    expect(await listed('aliveProbability')).toEqual(['c-3', 'c-2', 'c-4', 'c-6', 'c-1', 'c-5']);
    expect(await listed('-lastPurchase')).toEqual(['c-4', 'c-2', 'c-1', 'c-6', 'c-3', 'c-5']);
    expect(await listed('lastPurchase')).toEqual(['c-3', 'c-6', 'c-1', 'c-2', 'c-4', 'c-5']);
    expect(await listed('externalId')).toEqual(['c-1', 'c-2', 'c-3', 'c-4', 'c-5', 'c-6']);
  });

  it('refuses an unknown sort and a cursor of another order, naming the field', async () => {
    const bad = await api(t, org).get('/api/v1/customers?sort=profit');
    expect(bad.status).toBe(400);
    expect(problemOf(bad).errors?.[0].field).toBe('query.sort');
    const byId = await api(t, org).ok('GET', '/api/v1/customers?limit=1');
    const mixed = await api(t, org).get(`/api/v1/customers?sort=-clv&cursor=${byId.nextCursor}`);
    expect(mixed.status).toBe(400);
    expect(problemOf(mixed).errors?.[0].field).toBe('query.cursor');
    // A cursor of the right shape whose key the order's type cannot hold.
    for (const [sort, key] of [
      ['-lastPurchase', '2026-13-45'],
      ['lastPurchase', '10000-01-01'],
      ['-clv', '1e400'],
      ['aliveProbability', 'NaN'],
    ]) {
      const forged = Buffer.from(JSON.stringify([key, 'c-1'])).toString('base64url');
      const res = await api(t, org).get(`/api/v1/customers?sort=${sort}&cursor=${forged}`);
      expect(res.status, `${sort} ${key}`).toBe(400);
      expect(problemOf(res).errors?.[0].field).toBe('query.cursor');
    }
  });
});
