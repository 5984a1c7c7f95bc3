// The OpenAPI 3.1 schemas ship inside @hyperjump/json-schema (openapi-3-1/schema-base.js is the
// official "schema-base" of the specification, 2022-10-07, which also checks every Schema Object
// against the OpenAPI dialect of JSON Schema 2020-12); nothing is fetched at run time.
import { validate } from '@hyperjump/json-schema/openapi-3-1';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Answer, type OpenApiDocument, undeclared, witnessed } from './helpers/answers';
import { createTestApp, type TestApp, type TestOrg } from './helpers/app';
import { ENGINES } from './helpers/db';

const OAS_31 = 'https://spec.openapis.org/oas/3.1/schema-base';

type Response = {
  description?: string;
  headers?: Record<string, unknown>;
  content?: Record<string, { schema?: Record<string, unknown> }>;
};
type Operation = { responses: Record<string, Response>; parameters?: { in: string }[] };
type Doc = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
};

const operationsOf = (doc: Doc) =>
  Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
  );

/** Every object in `value` with its JSON pointer. */
function* walk(value: unknown, pointer = ''): Generator<[string, Record<string, unknown>]> {
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) yield* walk(v, `${pointer}/${i}`);
  } else if (value && typeof value === 'object') {
    yield [pointer, value as Record<string, unknown>];
    for (const [k, v] of Object.entries(value)) yield* walk(v, `${pointer}/${k}`);
  }
}

describe.each(ENGINES)('the OpenAPI document on %s', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  let doc: Doc;
  beforeAll(async () => {
    t = await createTestApp(engine);
    org = await t.createOrg();
    const res = await t.app.inject('/openapi.json');
    expect(res.statusCode).toBe(200);
    doc = res.json();
  });
  afterAll(() => t?.close());

  it('is valid OpenAPI 3.1, every schema in it included', async () => {
    const out = await validate(OAS_31, doc as never, 'BASIC');
    expect(out.valid ? [] : (out.errors ?? []).slice(0, 10)).toEqual([]);
    expect(out.valid).toBe(true);
  });

  it('writes tuples as prefixItems, and the validator refuses the old items: [...] form', async () => {
    const arrays = [...walk(doc)].filter(([, node]) => Array.isArray(node.items));
    expect(arrays.map(([pointer]) => pointer)).toEqual([]);
    const tuples = [...walk(doc)].filter(([, node]) => Array.isArray(node.prefixItems));
    expect(tuples.length).toBeGreaterThan(0);
    for (const [, tuple] of tuples) {
      const size = (tuple.prefixItems as unknown[]).length;
      expect(tuple).toMatchObject({ type: 'array', items: false, minItems: size, maxItems: size });
    }
    const broken = structuredClone(doc);
    const [, first] = [...walk(broken)].find(([, node]) => Array.isArray(node.prefixItems)) ?? [];
    if (!first) throw new Error('no tuple in the document');
    first.items = first.prefixItems;
    delete first.prefixItems;
    expect((await validate(OAS_31, broken as never, 'BASIC')).valid).toBe(false);
  });

  it('lists the errors each operation can answer, all problem+json of one Problem schema', () => {
    expect(doc.components.schemas.Problem).toMatchObject({
      type: 'object',
      required: expect.arrayContaining(['type', 'title', 'status', 'detail']),
    });
    const access = new Map(
      t.app.routeList.map((r) => [`${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`, r.access]),
    );
    const operations = operationsOf(doc);
    expect(operations.length).toBeGreaterThan(80);
    for (const { path, method, op } of operations) {
      const where = `${method} ${path}`;
      const statuses = Object.keys(op.responses);
      expect(
        statuses.some((s) => s.startsWith('2')),
        where,
      ).toBe(true);
      expect(statuses, where).toEqual(expect.arrayContaining(['429', '500', '503']));
      if (path.includes('{')) expect(statuses, where).toEqual(expect.arrayContaining(['400', '404']));
      if (['POST', 'PUT', 'PATCH', 'DELETE'].includes(method)) {
        expect(statuses, where).toEqual(expect.arrayContaining(['400', '413', '415']));
      }
      const rule = access.get(where);
      expect(rule, where).toBeDefined();
      if (rule !== 'public') expect(statuses, where).toEqual(expect.arrayContaining(['401', '403']));
      if (rule !== 'public' && method !== 'GET') {
        expect(statuses, where).toEqual(expect.arrayContaining(['409', '422']));
      }
      for (const status of ['429', '503']) {
        expect(op.responses[status].headers?.['retry-after'], `${where} ${status}`).toMatchObject({
          schema: { type: 'integer' },
        });
      }
      for (const status of statuses.filter((s) => Number(s) >= 400)) {
        expect(op.responses[status].content, `${where} ${status}`).toEqual({
          'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
        });
      }
    }
  });

  it('declares the answers that are not JSON: CSV tables, QR images', () => {
    for (const path of [
      '/api/v1/metrics/nps',
      '/api/v1/metrics/csat',
      '/api/v1/metrics/ces',
      '/api/v1/analytics/drivers',
    ]) {
      expect(Object.keys(doc.paths[path].get.responses['200'].content ?? {}), path).toEqual([
        'application/json',
        'text/csv',
      ]);
    }
    expect(Object.keys(doc.paths['/api/v1/surveys/{id}/qr.png'].get.responses['200'].content ?? {})).toEqual([
      'image/png',
    ]);
    expect(Object.keys(doc.paths['/api/v1/surveys/{id}/qr.svg'].get.responses['200'].content ?? {})).toEqual([
      'image/svg+xml',
    ]);
  });

  it('holds the suite’s answers to the document: what it declares passes, anything else is named', () => {
    const d = doc as unknown as OpenApiDocument;
    const answer = (a: Partial<Answer>): Answer => ({
      method: 'GET',
      route: '/api/v1/metrics/:metric',
      url: '/x',
      status: 200,
      mediaType: 'application/json',
      ...a,
    });
    const nps = { route: '/api/v1/metrics/nps', url: '/api/v1/metrics/nps' };
    expect(undeclared(d, answer({ ...nps }))).toBeUndefined();
    expect(undeclared(d, answer({ ...nps, method: 'HEAD', mediaType: 'text/csv' }))).toBeUndefined();
    expect(
      undeclared(d, answer({ ...nps, status: 503, mediaType: 'application/problem+json' })),
    ).toBeUndefined();
    expect(undeclared(d, answer({ ...nps, status: 418, mediaType: 'application/problem+json' }))).toMatch(
      /^GET \/api\/v1\/metrics\/nps → 418 application\/problem\+json: status not in the document/,
    );
    expect(undeclared(d, answer({ ...nps, mediaType: 'text/html' }))).toMatch(
      /content type not in the document/,
    );
    expect(undeclared(d, answer({ ...nps, status: 400, mediaType: 'application/json' }))).toMatch(
      /content type not in the document/,
    );
    const logout = { method: 'POST', route: '/api/v1/auth/logout', url: '/api/v1/auth/logout' };
    expect(undeclared(d, answer({ ...logout, status: 204, mediaType: undefined }))).toBeUndefined();
    expect(undeclared(d, answer({ ...logout, status: 204, mediaType: 'application/json' }))).toMatch(
      /declares no content/,
    );
    const nowhere = { route: undefined, url: '/api/v1/nothing' };
    expect(
      undeclared(d, answer({ ...nowhere, status: 404, mediaType: 'application/problem+json' })),
    ).toBeUndefined();
    expect(undeclared(d, answer({ ...nowhere, status: 404, mediaType: 'application/json' }))).toMatch(
      /must be application\/problem\+json/,
    );
    const hidden = { route: '/*', hidden: true, url: '/api/v1/nothing' };
    expect(undeclared(d, answer({ ...hidden, status: 404, mediaType: 'text/html' }))).toMatch(
      /problem\+json/,
    );
    expect(undeclared(d, answer({ ...hidden, url: '/settings', mediaType: 'text/html' }))).toBeUndefined();
    const lost = { route: '/api/v1/metrics/:metric', url: '/api/v1/metrics/nps' };
    expect(undeclared(d, answer({ ...lost }))).toMatch(/the route is missing from the document/);
  });

  it('checks every answer of the app, CSV included', async () => {
    const before = { ...witnessed };
    const csv = await t.app.inject({ url: '/api/v1/metrics/nps?format=csv', headers: org.auth });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const head = await t.app.inject({ method: 'HEAD', url: '/api/v1/metrics/nps', headers: org.auth });
    expect(head.statusCode).toBe(200);
    const missing = await t.app.inject({
      url: '/api/v1/surveys/00000000-0000-4000-8000-000000000000',
      headers: org.auth,
    });
    expect(missing.statusCode).toBe(404);
    expect(t.witness.check()).toEqual([]);
    // The three answers above and those of beforeAll (the organization, the document).
    expect(witnessed.answers - before.answers).toBeGreaterThanOrEqual(3);
    expect(witnessed.againstDocument - before.againstDocument).toBeGreaterThanOrEqual(3);
  });

  it('fails the closing of an app that gave an answer the document does not declare', async () => {
    const other = await createTestApp(engine);
    const res = await other.app.inject('/api/v1/me');
    expect(res.statusCode).toBe(401);
    other.witness.answers.push({
      method: 'GET',
      route: '/api/v1/me',
      url: '/api/v1/me',
      status: 418,
      mediaType: 'text/plain',
    });
    await expect(other.close()).rejects.toThrow(
      /GET \/api\/v1\/me → 418 text\/plain: status not in the document/,
    );
  });
});
