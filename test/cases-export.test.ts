import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from './helpers/api';
import { createTestApp, type TestApp, type TestOrg } from './helpers/app';
import { problemOf } from './helpers/customers';
import { ENGINES } from './helpers/db';

const linesOf = (text: string) =>
  text
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean);

describe.each(ENGINES)('the case queue export on %s', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  beforeAll(async () => {
    t = await createTestApp(engine);
    org = await t.createOrg();
    const as = api(t, org);
    await as.ok('POST', '/api/v1/customers/batch', { customers: [{ externalId: 'anna' }] });
    await as.ok('POST', '/api/v1/cases', {
      title: 'Parcel lost',
      priority: 'high',
      customerExternalId: 'anna',
    });
    t.clock.advance(60_000); // one minute apart, so the newest-first order is one
    await as.ok('POST', '/api/v1/cases', { title: 'Invoice wrong', priority: 'low' });
    t.clock.advance(60_000);
    await as.ok('POST', '/api/v1/cases', { title: 'Courier rude', priority: 'high' });
  });
  afterAll(() => t?.close());

  it('streams every case of the queue’s filter in its order, in the language’s words', async () => {
    const res = await api(t, org).get('/api/v1/exports/cases?locale=pl&priority=high&sort=created');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const [header, ...rows] = linesOf(res.body).map((line) => line.split(';'));
    expect(header[0]).toBe('Zgłoszenie');
    expect(rows.map((r) => r[0])).toEqual(['Courier rude', 'Parcel lost']);
    expect(rows[1].slice(1, 2)).toEqual(['anna']);
    expect(rows.map((r) => r[4])).toEqual(['Wysoki', 'Wysoki']);
    expect(rows.map((r) => r[5])).toEqual(['Nowe', 'Nowe']);
    const all = await api(t, org).get('/api/v1/exports/cases?locale=en');
    expect(linesOf(all.body)).toHaveLength(4);
    const bad = await api(t, org).get('/api/v1/exports/cases?priority=someday');
    expect(bad.status).toBe(400);
    expect(problemOf(bad).errors?.[0].field).toMatch(/^query\.priority/);
  });
});
