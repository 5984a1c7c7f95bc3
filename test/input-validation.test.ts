import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestOrg } from './helpers/app';
import { ENGINES } from './helpers/db';

/**
 * Input the database cannot hold is refused at the door with a 400 problem+json naming the field:
 * NUL and lone surrogates in any text or key (signed in or not), denormal and out-of-range
 * numbers, dates outside the years 1000–9999, an empty PATCH, crafted paging cursors, and
 * references to objects the organization does not have.
 */

const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';
const cursorOf = (position: unknown) => Buffer.from(JSON.stringify(position)).toString('base64url');

function expectRefused(res: LightMyRequestResponse, field: string, message?: RegExp) {
  expect(res.statusCode, res.body).toBe(400);
  expect(res.headers['content-type']).toMatch(/problem\+json/);
  const body = res.json();
  expect(
    body.errors?.map((e: { field: string }) => e.field),
    res.body,
  ).toContain(field);
  if (message) expect(body.detail).toMatch(message);
}

describe.each(ENGINES)('bad input is a 400 naming the field on %s', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  let surveyId: string;
  let publicId: string;

  const call = (method: string, url: string, payload?: unknown, headers: Record<string, string> = org.auth) =>
    t.app.inject({ method: method as 'POST', url, headers, payload: payload as object });

  beforeAll(async () => {
    t = await createTestApp(engine);
    org = await t.createOrg();
    const survey = await call('POST', '/api/v1/surveys', {
      name: 'After delivery',
      audience: 'customers',
      defaultLocale: 'en',
      questions: [
        { id: 'nps', type: 'nps', text: { en: 'Recommend us?' } },
        { id: 'why', type: 'text', text: { en: 'Why?' } },
      ],
    });
    expect(survey.statusCode, survey.body).toBe(201);
    ({ id: surveyId, publicId } = survey.json());
    const customer = await call('POST', '/api/v1/customers/batch', { customers: [{ externalId: 'c-1' }] });
    expect(customer.statusCode, customer.body).toBe(200);
  });
  afterAll(() => t?.close());

  it('refuses NUL and lone surrogates in text, keys, queries and paths', async () => {
    const customer = (patch: Record<string, unknown>) => ({ customers: [{ externalId: 'c-1', ...patch }] });
    expectRefused(
      await call('POST', '/api/v1/customers/batch', customer({ name: 'Ann\u0000' })),
      'body.customers.0.name',
      /NUL/,
    );
    expectRefused(
      await call('POST', '/api/v1/customers/batch', customer({ name: 'Ann \ud800' })),
      'body.customers.0.name',
      /surrogate/,
    );
    expectRefused(
      await call('POST', '/api/v1/customers/batch', customer({ attributes: { 'ci\u0000ty': 'Kraków' } })),
      'body.customers.0.attributes',
      /keys must not contain NUL/,
    );
    expectRefused(
      await call('POST', '/api/v1/customers/batch', customer({ attributes: { '\udc00': 'x' } })),
      'body.customers.0.attributes',
    );
    expectRefused(
      await call('POST', '/api/v1/events/batch', {
        events: [
          {
            type: 'visit',
            customerExternalId: 'c-1',
            occurredAt: '2026-01-01T10:00:00Z',
            data: { note: 'x\u0000y' },
          },
        ],
      }),
      'body.events.0.data.note',
    );
    expectRefused(await call('GET', '/api/v1/customers?q=a%00b'), 'query.q');
    expectRefused(await call('GET', '/api/v1/customers/a%00b'), 'path.externalId');
  });

  it('refuses them from callers who are not signed in: survey responses and login', async () => {
    const answer = (why: string) => ({ surveyPublicId: publicId, answers: { nps: 9, why } });
    expectRefused(
      await call('POST', '/api/v1/public/responses', answer('fine\u0000'), {}),
      'body.answers.why',
    );
    expectRefused(await call('POST', '/api/v1/public/responses', answer('\ud83d'), {}), 'body.answers.why');
    expectRefused(
      await call('POST', '/api/v1/public/responses', { ...answer('ok'), touchpoint: 'shop\u0000' }, {}),
      'body.touchpoint',
    );
    expectRefused(
      await call('POST', '/api/v1/auth/login', { email: `${org.ownerEmail}\u0000`, password: 'x' }, {}),
      'body.email',
    );
    expectRefused(
      await call('POST', '/api/v1/auth/login', { email: org.ownerEmail, password: 'pass\udfff' }, {}),
      'body.password',
    );
    // The respondent page posts an HTML form.
    const form = await t.app.inject({
      method: 'POST',
      url: `/s/${publicId}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'q.nps=9&q.why=fine%00',
    });
    expect(form.statusCode).toBe(400);
    const stored = await t.ctx.db.queryOwner<{ n: number }>(
      'select count(*)::int as n from survey_responses where org_id = $1',
      [org.orgId],
    );
    expect(stored[0].n).toBe(0);
  });

  it('refuses numbers the columns cannot hold', async () => {
    const rate = (value: number) => ({ rates: [{ currency: 'USD', validFrom: '2025-01-01', rate: value }] });
    expectRefused(
      await call('POST', '/api/v1/exchange-rates', rate(5e-324)),
      'body.rates.0.rate',
      /denormal/,
    );
    expectRefused(await call('POST', '/api/v1/exchange-rates', rate(1e-13)), 'body.rates.0.rate');
    expectRefused(await call('POST', '/api/v1/exchange-rates', rate(1e13)), 'body.rates.0.rate');
    const saved = await call('POST', '/api/v1/exchange-rates', rate(1e-12));
    expect(saved.statusCode, saved.body).toBeLessThan(300);

    const event = (patch: Record<string, unknown>) => ({
      events: [{ type: 'purchase', customerExternalId: 'c-2', occurredAt: '2026-01-01T10:00:00Z', ...patch }],
    });
    expectRefused(
      await call('POST', '/api/v1/events/batch', event({ amount: 2 ** 53 })),
      'body.events.0.amount',
    );
    expectRefused(await call('POST', '/api/v1/events/batch', event({ amount: 0.5 })), 'body.events.0.amount');
    // A safe integer in a currency whose rate makes it a number past the safe integers in the base one.
    await call('POST', '/api/v1/exchange-rates', {
      rates: [{ currency: 'JPY', validFrom: '2025-01-01', rate: 1e12 }],
    });
    const converted = await call(
      'POST',
      '/api/v1/events/batch',
      event({ amount: 9_000_000_000_000, currency: 'JPY' }),
    );
    expect(converted.statusCode, converted.body).toBe(422);
    expect(converted.json().errors[0].field).toBe('body.events.0.amount');

    expectRefused(await call('PATCH', '/api/v1/case-settings', { warnShare: 1e-300 }), 'body.warnShare');
    expectRefused(await call('PATCH', '/api/v1/case-settings', { warnShare: 0.99999999 }), 'body.warnShare');
    expectRefused(
      await call('PATCH', '/api/v1/settings/lifecycle', { lostAliveBelow: 5e-324 }),
      'body.lostAliveBelow',
    );
    expectRefused(await call('GET', '/api/v1/customers?limit=1e400'), 'query.limit');
    expectRefused(await call('GET', '/api/v1/customers?limit=NaN'), 'query.limit');
  });

  it('refuses dates outside the years 1000 to 9999', async () => {
    const event = (occurredAt: string) => ({
      events: [{ type: 'visit', customerExternalId: 'c-3', occurredAt }],
    });
    for (const when of ['0000-01-01T00:00:00Z', '0999-12-31T23:59:59Z', '9999-12-31T23:00:00-05:00']) {
      expectRefused(
        await call('POST', '/api/v1/events/batch', event(when)),
        'body.events.0.occurredAt',
        /years/,
      );
    }
    const early = await call('POST', '/api/v1/events/batch', event('1000-01-01T12:00:00Z'));
    expect(early.statusCode, early.body).toBe(200);

    expectRefused(
      await call('POST', '/api/v1/exchange-rates', {
        rates: [{ currency: 'USD', validFrom: '0000-01-01', rate: 1 }],
      }),
      'body.rates.0.validFrom',
    );
    expectRefused(await call('DELETE', '/api/v1/exchange-rates/USD/0000-01-01'), 'path.validFrom');
    expectRefused(
      await call('PATCH', '/api/v1/case-settings', { holidays: ['0000-12-25'] }),
      'body.holidays.0',
    );
    expectRefused(await call('POST', '/api/v1/analytics/value/fit', { until: '0000-01-01' }), 'body.until');
    expectRefused(await call('GET', '/api/v1/analytics/lifecycle?from=0000-01-01T00:00:00Z'), 'query.from');
    expectRefused(
      await call('GET', '/api/v1/analytics/loop?from=0000-01-01T00:00:00Z&to=2026-01-01T00:00:00Z'),
      'query.from',
    );
    expectRefused(
      await call('GET', `/api/v1/surveys/${surveyId}/responses?from=0000-01-01T00:00:00Z`),
      'query.from',
    );
    expectRefused(
      await call('POST', `/api/v1/surveys/${surveyId}/responses/batch`, {
        responses: [{ answers: { nps: 3 }, submittedAt: '0000-06-01T00:00:00Z' }],
      }),
      'body.responses.0.submittedAt',
    );
  });

  it('answers an empty PATCH of every route with "nothing to change"', async () => {
    const patches = t.app.routeList.filter((r) => r.method === 'PATCH' && r.url.startsWith('/api/'));
    expect(patches.length).toBeGreaterThan(10);
    for (const route of patches) {
      const url = route.url.replace(/:(\w+)/g, (_, name) => (name === 'externalId' ? 'c-1' : NO_SUCH_ID));
      for (const payload of [{}, undefined, { contactCap: {}, reminders: {} }]) {
        const res = await t.app.inject({ method: 'PATCH', url, headers: org.auth, payload });
        expect(res.statusCode, `${route.url} ${JSON.stringify(payload)}: ${res.body}`).toBe(400);
        if (payload?.contactCap && route.url !== '/api/v1/survey-settings') continue; // unknown fields
        expectRefused(res, 'body', /nothing to change/);
      }
    }
  });

  it('refuses paging cursors this API did not issue', async () => {
    const customers = await call('POST', '/api/v1/customers/batch', {
      customers: [{ externalId: 'c-10' }, { externalId: 'c-11' }],
    });
    expect(customers.statusCode).toBe(200);
    const lists = t.app.routeList.filter(
      (r) =>
        r.method === 'GET' &&
        r.url.startsWith('/api/') &&
        (r.schema as { querystring?: { shape?: Record<string, unknown> } } | undefined)?.querystring?.shape
          ?.cursor,
    );
    expect(lists.length).toBeGreaterThan(8);
    const crafted = [
      '!!!',
      'bm90IGpzb24',
      cursorOf({ a: 1 }),
      cursorOf([]),
      cursorOf([1e308, NO_SUCH_ID]),
      cursorOf(['x\u0000']),
      cursorOf(['\ud800', 'event', 'x']),
      cursorOf(['0000-01-01T00:00:00Z', NO_SUCH_ID]),
      cursorOf(['+275760-09-13T00:00:00.000Z', NO_SUCH_ID]),
      cursorOf(['2026-01-01T00:00:00Z', 'not-a-uuid']),
      cursorOf(['USD', '0000-01-01']),
      cursorOf([null, null, null]),
      // [9007199254740993, uuid]: past the safe integers
      'WzkwMDcxOTkyNTQ3NDA5OTMsIjAwMDAwMDAwLTAwMDAtNDAwMC04MDAwLTAwMDAwMDAwMDAwMCJd',
    ];
    for (const route of lists) {
      const url = route.url.replace(/:(\w+)/g, (_, name) => (name === 'externalId' ? 'c-10' : surveyId));
      for (const cursor of crafted) {
        const res = await call('GET', `${url}?cursor=${encodeURIComponent(cursor)}`);
        expect(res.statusCode, `${route.url} ${cursor}: ${res.body}`).toBe(400);
        expectRefused(res, 'query.cursor');
      }
    }
    // The cursors it does issue still page.
    const first = await call('GET', '/api/v1/customers?limit=1');
    const next = await call('GET', `/api/v1/customers?limit=1&cursor=${first.json().nextCursor}`);
    expect(next.statusCode).toBe(200);
    expect(next.json().items[0].externalId).not.toBe(first.json().items[0].externalId);
  });

  it('refuses references to objects the organization does not have', async () => {
    expectRefused(
      await call('POST', '/api/v1/cases', { title: 'Late', responseId: NO_SUCH_ID }),
      'body.responseId',
    );
    const other = await t.createOrg();
    const imported = await call('POST', `/api/v1/surveys/${surveyId}/responses/batch`, {
      responses: [{ answers: { nps: 9 } }],
    });
    expect(imported.statusCode, imported.body).toBe(200);
    const [response] = await t.ctx.db.queryOwner<{ id: string }>(
      'select id from survey_responses where org_id = $1 limit 1',
      [org.orgId],
    );
    // Another organization's response is as missing as one that never existed.
    expectRefused(
      await call('POST', '/api/v1/cases', { title: 'Late', responseId: response.id }, other.auth),
      'body.responseId',
    );
    const opened = await call('POST', '/api/v1/cases', { title: 'Late', responseId: response.id });
    expect(opened.statusCode, opened.body).toBe(201);
    expect(opened.json().responseId).toBe(response.id);

    for (const [field, body] of [
      ['body.teamId', { title: 'x', teamId: NO_SUCH_ID }],
      ['body.ownerId', { title: 'x', ownerId: NO_SUCH_ID }],
      ['body.customerExternalId', { title: 'x', customerExternalId: 'nobody' }],
    ] as const) {
      expectRefused(await call('POST', '/api/v1/cases', body), field);
    }
    expectRefused(
      await call('POST', '/api/v1/case-rules', {
        name: 'Detractors of one survey',
        trigger: 'response',
        conditions: { metric: 'nps', max: 6, surveyIds: [surveyId, NO_SUCH_ID] },
      }),
      'body.conditions.surveyIds.1',
    );
    expectRefused(
      await call('POST', '/api/v1/case-teams', { name: 'Ghosts', managerId: NO_SUCH_ID }),
      'body.managerId',
    );
    expectRefused(
      await call('PATCH', '/api/v1/case-settings', { defaultTeamId: NO_SUCH_ID }),
      'body.defaultTeamId',
    );
    expectRefused(await call('PATCH', '/api/v1/customers/c-1', { ownerId: NO_SUCH_ID }), 'body.ownerId');
    const cases = await t.ctx.db.queryOwner<{ n: number }>(
      'select count(*)::int as n from cases where org_id = $1',
      [org.orgId],
    );
    expect(cases[0].n).toBe(1);
  });

  it('reports unstorable rows of streamed imports by line and field', async () => {
    const ndjson = [
      JSON.stringify({ externalId: 'imp-1', name: 'Fine' }),
      JSON.stringify({ externalId: 'imp-2', name: 'Bad\u0000' }),
      '{"externalId":"imp-3","name":"\\ud800"}',
      JSON.stringify({ externalId: 'imp-4', attributes: { 'k\u0000': 1 } }),
    ].join('\n');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/import/customers',
      headers: { ...org.auth, 'content-type': 'application/x-ndjson' },
      payload: ndjson,
    });
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report.accepted).toBe(1);
    expect(report.errors).toEqual([
      { line: 2, field: 'name', message: expect.stringMatching(/NUL/) },
      { line: 3, field: 'name', message: expect.stringMatching(/surrogate/) },
      { line: 4, field: 'attributes', message: expect.stringMatching(/keys/) },
    ]);

    const csv = 'type,customerExternalId,occurredAt,amount\npurchase,imp-1,2026-01-01T10:00:00Z,100\n'
      .concat('purchase,imp-1,0000-01-01T10:00:00Z,100\n')
      .concat('purchase,imp-\u00001,2026-01-01T10:00:00Z,100\n');
    const events = await t.app.inject({
      method: 'POST',
      url: '/api/v1/import/events',
      headers: { ...org.auth, 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(events.statusCode, events.body).toBe(200);
    expect(events.json().errors).toEqual([
      { line: 3, field: 'occurredAt', message: expect.stringMatching(/years/) },
      { line: 4, field: 'customerExternalId', message: expect.stringMatching(/NUL/) },
    ]);
  });
});
