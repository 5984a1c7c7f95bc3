import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestOrg } from './helpers/app';
import { ENGINES } from './helpers/db';

/**
 * Hammers every registered route with arbitrary bodies, query strings and path values:
 * whatever arrives, the answer is never a 5xx, and every 4xx is problem+json.
 */
const RUNS_PER_ROUTE = 15;

const anyJson = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 6 }),
  fc.array(fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 })), { maxLength: 4 }),
);
const pathValue = fc.oneof(
  fc.uuid(),
  fc.string({ maxLength: 40 }),
  fc.constantFrom('..', '%00', 'null', '-1'),
);
const query = fc.dictionary(
  fc.constantFrom('limit', 'cursor', 'from', 'to', 'status', 'q', 'groupBy', 'surveyId', 'lang', 'x'),
  fc.oneof(
    fc.string({ maxLength: 20 }),
    fc.integer().map(String),
    fc.date().map((d) => (Number.isNaN(d.getTime()) ? 'x' : d.toISOString())),
  ),
  { maxKeys: 4 },
);

describe.each(ENGINES)('every route under arbitrary input on %s', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  beforeAll(async () => {
    t = await createTestApp(engine);
    org = await t.createOrg();
  });
  afterAll(() => t?.close());

  it('never answers 5xx', async () => {
    const routes = t.app.routeList.filter(
      (r) => r.url.startsWith('/api/') && r.method !== 'HEAD' && !r.url.includes('*'),
    );
    expect(routes.length).toBeGreaterThan(5);
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(anyJson, pathValue, query, async (body, value, q) => {
          const url = route.url.replace(/:(\w+)/g, () => encodeURIComponent(value));
          const search = new URLSearchParams(q).toString();
          const res = await t.app.inject({
            method: route.method as 'POST',
            url: search ? `${url}?${search}` : url,
            headers:
              route.access === 'admin-token' ? { authorization: 'Bearer nope-nope-nope-nope' } : org.auth,
            payload: ['GET', 'DELETE'].includes(route.method) ? undefined : (body as object),
          });
          if (res.statusCode >= 500) {
            throw new Error(`${route.method} ${route.url} → ${res.statusCode}: ${res.body.slice(0, 300)}`);
          }
          if (res.statusCode >= 400) {
            expect(res.headers['content-type']).toMatch(/problem\+json/);
          }
        }),
        { numRuns: RUNS_PER_ROUTE },
      );
    }
  });
});
