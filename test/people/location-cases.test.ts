import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../helpers/api';
import { createTestApp, type TestApp, type TestOrg } from '../helpers/app';
import { ENGINES } from '../helpers/db';

type Case = {
  id: string;
  ruleId: string | null;
  priority: string;
  location: { id: string; name: string } | null;
};

/**
 * Cases carry the location they are about: the answer's location opens them with it, a rule can be
 * limited to locations, and the queue, its export and a case written by hand take it too.
 */
describe.each(ENGINES)('cases by location on %s', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  let other: TestOrg;
  const ids: Record<string, string> = {};
  let ruleId: string;
  let survey: { id: string };

  beforeAll(async () => {
    t = await createTestApp(engine);
    org = await t.createOrg();
    other = await t.createOrg();
    const a = api(t, org);
    for (const [code, name] of [
      ['KRK', 'Kraków Rynek'],
      ['WAW', 'Warszawa Centrum'],
    ])
      ids[code] = ((await a.ok('POST', '/api/v1/locations', { code, name })) as { id: string }).id;
    ids.foreign = (
      (await api(t, other).ok('POST', '/api/v1/locations', { code: 'KRK', name: 'Elsewhere' })) as {
        id: string;
      }
    ).id;
    survey = (await a.ok('POST', '/api/v1/surveys', {
      name: 'After the visit',
      audience: 'customers',
      defaultLocale: 'en',
      questions: [{ id: 'nps', type: 'nps', text: { en: 'Would you recommend us?' } }],
    })) as { id: string };
  });
  afterAll(() => t?.close());

  it('refuses a rule naming a location of another organization, naming the field', async () => {
    const a = api(t, org);
    const bad = await a.post('/api/v1/case-rules', {
      name: 'Elsewhere',
      trigger: 'response',
      conditions: { metric: 'nps', max: 6, locations: [ids.KRK, ids.foreign] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('body.conditions.locations.1');
    const onEvents = await a.post('/api/v1/case-rules', {
      name: 'Refunds in Kraków',
      trigger: 'event',
      conditions: { eventTypes: ['refund'], locations: [ids.KRK] },
    });
    expect(onEvents.status).toBe(400);
    expect(onEvents.body.errors[0].field).toBe('body.conditions');
    const rule = (await a.ok('POST', '/api/v1/case-rules', {
      name: 'Kraków detractors',
      trigger: 'response',
      conditions: { metric: 'nps', max: 6, locations: [ids.KRK] },
      priority: 'urgent',
      position: 0,
    })) as { id: string };
    ruleId = rule.id;
  });

  it('opens each case with its answer’s location, the location’s rule only where it holds', async () => {
    const a = api(t, org);
    await a.ok('POST', `/api/v1/surveys/${survey.id}/responses/batch`, {
      responses: [
        { answers: { nps: 2 }, customerExternalId: 'krk-1', locationCode: 'KRK', channel: 'qr' },
        { answers: { nps: 3 }, customerExternalId: 'waw-1', locationCode: 'WAW', channel: 'qr' },
        { answers: { nps: 1 }, customerExternalId: 'nowhere-1', channel: 'qr' },
      ],
    });
    const krk = (await a.ok('GET', `/api/v1/cases?location=${ids.KRK}`)) as { items: Case[] };
    expect(krk.items).toHaveLength(1);
    expect(krk.items[0]).toMatchObject({
      ruleId,
      priority: 'urgent',
      location: { id: ids.KRK, name: 'Kraków Rynek' },
    });
    const waw = (await a.ok('GET', `/api/v1/cases?location=${ids.WAW}`)) as { items: Case[] };
    expect(waw.items).toHaveLength(1);
    expect(waw.items[0]!.ruleId).not.toBe(ruleId);
    const all = (await a.ok('GET', '/api/v1/cases?limit=100')) as { items: Case[] };
    expect(all.items.filter((c) => c.location === null)).toHaveLength(1);
    const file = await a.get(`/api/v1/exports/cases?location=${ids.KRK}&locale=en`);
    expect(file.status).toBe(200);
    const [header, ...lines] = file.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(header).toContain('Location');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('Kraków Rynek');
  });

  it('takes a location on a case written by hand and on a change, only one of the organization’s', async () => {
    const a = api(t, org);
    const made = (await a.ok('POST', '/api/v1/cases', {
      title: 'Broken chair',
      locationId: ids.WAW,
    })) as Case;
    expect((made as Case & { locationId: string }).locationId).toBe(ids.WAW);
    const moved = (await a.ok('PATCH', `/api/v1/cases/${made.id}`, { locationId: ids.KRK })) as Case & {
      locationId: string;
    };
    expect(moved.locationId).toBe(ids.KRK);
    const read = (await a.ok('GET', `/api/v1/cases/${made.id}`)) as Case;
    expect(read.location).toEqual({ id: ids.KRK, name: 'Kraków Rynek' });
    const foreign = await a.post('/api/v1/cases', { title: 'x', locationId: ids.foreign });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors[0].field).toBe('body.locationId');
    const badPatch = await a.patch(`/api/v1/cases/${made.id}`, { locationId: ids.foreign });
    expect(badPatch.status).toBe(400);
    expect(badPatch.body.errors[0].field).toBe('body.locationId');
    const bad = await a.get('/api/v1/cases?location=KRK');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('query.location');
  });
});
