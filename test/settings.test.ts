import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestOrg } from './helpers/app';
import { ENGINES } from './helpers/db';

/** Each settings section: a valid change, the field it shows in, a bad change and the field it names. */
const SECTIONS = [
  { name: 'organization', change: { name: 'Renamed' }, bad: { baseCurrency: 'euro' }, alias: '/api/v1/org' },
  { name: 'lifecycle', change: { lostAfterDays: 200 }, bad: { lostAfterDays: 0 } },
  { name: 'value', change: { margin: 0.4 }, bad: { margin: 2 }, alias: '/api/v1/value/settings' },
  { name: 'cases', change: { followUp: false }, bad: { warnShare: 2 }, alias: '/api/v1/case-settings' },
  {
    name: 'surveys',
    change: { linkValidDays: 10 },
    bad: { linkValidDays: 0 },
    alias: '/api/v1/survey-settings',
  },
  {
    name: 'anonymity',
    change: { anonymityThreshold: 7 },
    bad: { anonymityThreshold: 1 },
    alias: '/api/v1/analytics/settings',
  },
] as const;

describe.each(ENGINES)('settings sections on %s', (engine) => {
  let t: TestApp;
  let a: TestOrg;
  let b: TestOrg;
  let viewer: Record<string, string>;
  const call = (method: string, url: string, headers: Record<string, string>, payload?: unknown) =>
    t.app.inject({ method: method as 'GET', url, headers, payload: payload as object });

  beforeAll(async () => {
    t = await createTestApp(engine);
    a = await t.createOrg();
    b = await t.createOrg();
    const key = await call('POST', '/api/v1/api-keys', a.auth, { name: 'viewer', scopes: ['read'] });
    viewer = { authorization: `Bearer ${key.json().apiKey}` };
  });
  afterAll(() => t?.close());

  it.each(SECTIONS)(
    '$name: reads, changes part of it, refuses bad input and viewers, stays in its organization',
    async (s) => {
      const url = `/api/v1/settings/${s.name}`;
      const before = await call('GET', url, a.auth);
      expect(before.statusCode).toBe(200);
      const ofB = (await call('GET', url, b.auth)).json();

      const changed = await call('PATCH', url, a.auth, s.change);
      expect(changed.statusCode).toBe(200);
      expect(changed.json()).toEqual({ ...before.json(), ...s.change });
      expect((await call('GET', url, a.auth)).json()).toEqual(changed.json());

      const bad = await call('PATCH', url, a.auth, s.bad);
      expect(bad.statusCode).toBe(400);
      const field = `body.${Object.keys(s.bad)[0]}`;
      expect(bad.json().errors.map((e: { field: string }) => e.field)).toContain(field);
      expect((await call('GET', url, a.auth)).json()).toEqual(changed.json());

      expect((await call('PATCH', url, viewer, s.change)).statusCode).toBe(403);
      expect((await call('GET', url, viewer)).statusCode).toBe(200);

      expect((await call('GET', url, b.auth)).json()).toEqual(ofB);
    },
  );

  it.each(SECTIONS.filter((s) => 'alias' in s))('$name: the older URL reads the same section', async (s) => {
    const url = `/api/v1/settings/${s.name}`;
    const alias = (s as { alias: string }).alias;
    expect((await call('GET', alias, a.auth)).json()).toEqual((await call('GET', url, a.auth)).json());
  });

  it('the value settings are still replaced whole with PUT at their older URL', async () => {
    const { currency: _currency, ...whole } = (await call('GET', '/api/v1/settings/value', b.auth)).json();
    const put = await call('PUT', '/api/v1/value/settings', b.auth, { ...whole, horizonMonths: 24 });
    expect(put.statusCode).toBe(200);
    expect((await call('GET', '/api/v1/settings/value', b.auth)).json().horizonMonths).toBe(24);
    expect((await call('PUT', '/api/v1/value/settings', b.auth, { margin: 0.5 })).statusCode).toBe(400);
  });

  it('marks the older URLs deprecated in the OpenAPI document', async () => {
    const doc = (await t.app.inject('/openapi.json')).json();
    expect(doc.paths['/api/v1/survey-settings'].get.deprecated).toBe(true);
    expect(doc.paths['/api/v1/value/settings'].put.deprecated).toBe(true);
    expect(doc.paths['/api/v1/settings/surveys'].patch.deprecated).toBeUndefined();
  });
});
