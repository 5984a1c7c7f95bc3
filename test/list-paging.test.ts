import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestOrg } from './helpers/app';
import { ENGINES } from './helpers/db';

type Item = { id: string };

/** Each list that pages, and how to give it more items than a page of two holds. */
const LISTS: {
  url: string;
  fill: (post: (url: string, body: object) => Promise<void>, i: number) => Promise<void>;
}[] = [
  {
    url: '/api/v1/users',
    fill: (post, i) =>
      post('/api/v1/users', { email: `u${i}@paging.example`, name: `U ${i}`, role: 'viewer' }),
  },
  {
    url: '/api/v1/api-keys',
    fill: (post, i) => post('/api/v1/api-keys', { name: `key ${i}`, scopes: ['read'] }),
  },
  {
    url: '/api/v1/webhooks',
    fill: (post, i) =>
      post('/api/v1/webhooks', { url: `https://hooks.example/${i}`, events: ['case.created'] }),
  },
  // Same names sort by id: the cursor holds both.
  { url: '/api/v1/case-teams', fill: (post, i) => post('/api/v1/case-teams', { name: `team ${i % 2}${i}` }) },
  { url: '/api/v1/case-rules', fill: async () => {} }, // the default rules
  { url: '/api/v1/sla-policies', fill: async () => {} }, // a policy per tier and priority
];

describe.each(ENGINES)('lists page for real on %s', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  let other: TestOrg;
  const get = async (who: TestOrg, url: string) => {
    const res = await t.app.inject({ method: 'GET', url, headers: who.auth });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: Item[]; nextCursor: string | null };
  };
  const post = async (url: string, body: object) => {
    const res = await t.app.inject({ method: 'POST', url, headers: org.auth, payload: body });
    expect(res.statusCode, res.body).toBe(201);
  };

  beforeAll(async () => {
    t = await createTestApp(engine, { ORIENTIR_WEBHOOKS_ALLOW_PRIVATE: 'true' });
    org = await t.createOrg();
    other = await t.createOrg();
    for (const list of LISTS) for (let i = 0; i < 4; i++) await list.fill(post, i);
  });
  afterAll(() => t?.close());

  it.each(LISTS)(
    '$url: pages of two hold every item once, in the order of the whole list',
    async ({ url }) => {
      const whole = await get(org, `${url}?limit=500`);
      expect(whole.nextCursor).toBeNull();
      expect(whole.items.length).toBeGreaterThan(2);
      const seen: Item[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page = await get(org, `${url}?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items);
        cursor = page.nextCursor;
        pages++;
      } while (cursor && pages < 100);
      expect(pages).toBeGreaterThan(1);
      expect(seen.map((i) => i.id)).toEqual(whole.items.map((i) => i.id));
      expect(new Set(seen.map((i) => i.id)).size).toBe(seen.length);

      const theirs = new Set((await get(other, `${url}?limit=500`)).items.map((i) => i.id));
      expect(seen.filter((i) => theirs.has(i.id))).toEqual([]);
    },
  );

  it.each(LISTS)('$url: refuses a cursor it did not issue, naming query.cursor', async ({ url }) => {
    const res = await t.app.inject({ method: 'GET', url: `${url}?cursor=bm9wZQ`, headers: org.auth });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('query.cursor');
  });
});
