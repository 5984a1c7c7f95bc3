import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../helpers/api';
import { createTestApp, type TestApp, type TestOrg } from '../helpers/app';
import { ENGINES } from '../helpers/db';

type Item = {
  code: string;
  name: string;
  score: number | null;
  n: number;
  ci95: [number, number] | null;
  target: number | null;
  targetStatus: string | null;
  rank: { best: number; worst: number } | null;
  standing: string;
  withheld: boolean;
};

const times = (n: number, value: number, locationCode?: string) =>
  Array.from({ length: n }, () => ({ answers: { nps: value }, ...(locationCode && { locationCode }) }));

describe.each(ENGINES)('locations as a dimension and their leaderboard on %s', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  let survey: { id: string; publicId: string; url: string };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(engine);
    org = await t.createOrg();
    const a = api(t, org);
    const locations = [
      { code: 'WAW', name: 'Warszawa Centrum', targets: { nps: 60 } },
      { code: 'KRK', name: 'Kraków Rynek', targets: { nps: 90 } },
      { code: 'GDA', name: 'Gdańsk Długa', targets: { nps: 0 } },
      { code: 'POZ', name: 'Poznań Stary Rynek' },
      { code: 'LOD', name: 'Łódź Piotrkowska' },
    ];
    for (const l of locations) ids[l.code] = ((await a.ok('POST', '/api/v1/locations', l)) as any).id;
    survey = (await a.ok('POST', '/api/v1/surveys', {
      name: 'After the visit',
      audience: 'customers',
      defaultLocale: 'en',
      questions: [{ id: 'nps', type: 'nps', text: { en: 'Would you recommend us?' } }],
    })) as any;
    // WAW: 36 promoters, 4 detractors (NPS 80); KRK: 10 and 30 (−50); GDA: 20 and 20 (0);
    // POZ: 5 promoters only; LOD: none; 3 answers at no location.
    await a.ok('POST', `/api/v1/surveys/${survey.id}/responses/batch`, {
      responses: [
        ...times(36, 10, 'WAW'),
        ...times(4, 0, 'WAW'),
        ...times(10, 10, 'KRK'),
        ...times(30, 0, 'KRK'),
        ...times(20, 9, 'GDA'),
        ...times(20, 3, 'GDA'),
        ...times(5, 10, 'POZ'),
        ...times(3, 8),
      ],
    });
  });
  afterAll(() => t?.close());

  it('refuses an import naming an unknown location, storing nothing of it', async () => {
    const a = api(t, org);
    const res = await a.post(`/api/v1/surveys/${survey.id}/responses/batch`, {
      responses: [
        { answers: { nps: 10 }, locationCode: 'WAW' },
        { answers: { nps: 1 }, locationCode: 'NOPE' },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['body.responses.1.locationCode']);
    const nps = await a.ok('GET', '/api/v1/metrics/nps');
    expect(nps.n).toBe(40 + 40 + 40 + 5 + 3);
  });

  it('breaks every metric down by location, groups named by the location', async () => {
    const a = api(t, org);
    const body = await a.ok('GET', '/api/v1/metrics/nps?groupBy=location');
    const byName = Object.fromEntries(
      body.groups.map((g: { key: string | null; name?: string | null; n: number; score: number }) => [
        g.name ?? 'none',
        [g.key, g.n, g.score],
      ]),
    );
    expect(byName).toEqual({
      'Warszawa Centrum': [ids.WAW, 40, 80],
      'Kraków Rynek': [ids.KRK, 40, -50],
      'Gdańsk Długa': [ids.GDA, 40, 0],
      'Poznań Stary Rynek': [ids.POZ, 5, 100],
      none: [null, 3, 0],
    });
    const filtered = await a.ok('GET', `/api/v1/metrics/nps?location=${ids.KRK}`);
    expect(filtered.n).toBe(40);
    const drivers = await a.ok('GET', '/api/v1/analytics/drivers?metric=nps&by=location');
    expect(
      drivers.items.map((d: { name?: string | null; n: number }) => [d.name ?? 'none', d.n]).sort(),
    ).toEqual([
      ['Gdańsk Długa', 40],
      ['Kraków Rynek', 40],
      ['Poznań Stary Rynek', 5],
      ['Warszawa Centrum', 40],
      ['none', 3],
    ]);
    // The other metrics take the dimension too (this survey asks no CSAT: no groups).
    const csat = await a.ok('GET', '/api/v1/metrics/csat?groupBy=location');
    expect(csat.groups).toEqual([]);
  });

  it('lists the responses of one location in the inbox, each named by its location', async () => {
    const a = api(t, org);
    const krk = await a.ok('GET', `/api/v1/responses?locationId=${ids.KRK}&limit=100`);
    expect(krk.items).toHaveLength(40);
    expect(new Set(krk.items.map((r: { location: unknown }) => JSON.stringify(r.location)))).toEqual(
      new Set([JSON.stringify({ id: ids.KRK, name: 'Kraków Rynek' })]),
    );
    const all = await a.ok('GET', '/api/v1/responses?limit=200');
    expect(all.items.filter((r: { location: unknown }) => r.location === null)).toHaveLength(3);
    const none = await a.ok('GET', `/api/v1/responses?locationId=${ids.LOD}`);
    expect(none.items).toEqual([]);
    const bad = await a.get('/api/v1/responses?locationId=KRK');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('query.locationId');
    // A survey's own list and its export take the location too, named in the file.
    const ofSurvey = await a.ok(
      'GET',
      `/api/v1/surveys/${survey.id}/responses?locationId=${ids.WAW}&limit=100`,
    );
    expect(ofSurvey.items).toHaveLength(40);
    const file = await a.get(`/api/v1/surveys/${survey.id}/responses/export?locationId=${ids.WAW}&locale=en`);
    expect(file.status).toBe(200);
    const [header, ...lines] = file.text.trim().split(/\r?\n/);
    expect(header).toContain('Location');
    expect(lines).toHaveLength(40);
    expect(lines.every((l) => l.includes('Warszawa Centrum'))).toBe(true);
  });

  it('ranks locations only as far as their intervals allow, and judges their targets by the interval', async () => {
    const a = api(t, org);
    const board = await a.ok('GET', '/api/v1/locations/leaderboard?metric=nps');
    const metric = await a.ok('GET', '/api/v1/metrics/nps?groupBy=location');
    const intervalOf = (id: string) => metric.groups.find((g: { key: string }) => g.key === id).ci95;
    const items = board.items as Item[];
    expect(items.map((i) => i.code)).toEqual(['WAW', 'GDA', 'KRK', 'POZ', 'LOD']);
    const by = Object.fromEntries(items.map((i) => [i.code, i]));
    // The same intervals as the metric endpoint: WAW [61.4, 98.6], GDA [−31, 31], KRK [−76.8, −23.2].
    for (const code of ['WAW', 'KRK', 'GDA']) expect(by[code].ci95).toEqual(intervalOf(ids[code]));
    expect(by.WAW.ci95![0]).toBeCloseTo(80 - 1.959963984540054 * Math.sqrt(0.36 / 40) * 100, 6);
    // WAW lies wholly above both others: first. GDA and KRK overlap: each is 2nd or 3rd.
    expect(by.WAW).toMatchObject({ n: 40, score: 80, rank: { best: 1, worst: 1 }, standing: 'ranked' });
    expect(by.GDA).toMatchObject({ score: 0, rank: { best: 2, worst: 3 }, standing: 'overlaps' });
    expect(by.KRK).toMatchObject({ score: -50, rank: { best: 2, worst: 3 }, standing: 'overlaps' });
    expect(by.POZ).toMatchObject({ n: 5, score: 100, rank: null, standing: 'too_few', targetStatus: null });
    expect(by.LOD).toMatchObject({ n: 0, score: null, rank: null, standing: 'too_few', withheld: false });
    // Targets: WAW 60 ≤ 61.4 met; KRK 90 above −23.2 missed; GDA 0 inside [−31, 31] unclear.
    expect([by.WAW.targetStatus, by.KRK.targetStatus, by.GDA.targetStatus]).toEqual([
      'met',
      'missed',
      'unclear',
    ]);
    expect(by.WAW.target).toBe(60);
    expect(board).toMatchObject({ metric: 'nps', minN: 30, unlocated: 3, overall: { n: 128 } });

    // A changed target is judged at once; a period without answers ranks nobody.
    await a.ok('PATCH', `/api/v1/locations/${ids.GDA}`, { targets: { nps: -40 } });
    const again = await a.ok('GET', '/api/v1/locations/leaderboard?metric=nps');
    expect(again.items.find((i: Item) => i.code === 'GDA').targetStatus).toBe('met');
    const empty = await a.ok('GET', '/api/v1/locations/leaderboard?metric=nps&from=2001-01-01&to=2001-12-31');
    expect(empty.items.every((i: Item) => i.rank === null && i.n === 0)).toBe(true);
    const foreign = await a.get(`/api/v1/locations/leaderboard?surveyId=${crypto.randomUUID()}`);
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors.map((e: { field: string }) => e.field)).toEqual(['query.surveyId']);
    const bad = await a.get('/api/v1/locations/leaderboard?metric=loyalty&from=2026-13-01');
    expect(bad.status).toBe(400);
    expect([...new Set(bad.body.errors.map((e: { field: string }) => e.field))].sort()).toEqual([
      'query.from',
      'query.metric',
    ]);
  });

  it('records the location of the survey page opened through a location’s link and QR code', async () => {
    const a = api(t, org);
    const page = await t.app.inject({ method: 'GET', url: `/s/${survey.publicId}?l=LOD` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('name="l" value="LOD"');
    const post = await t.app.inject({
      method: 'POST',
      url: `/s/${survey.publicId}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'q.nps=10&l=LOD&ch=qr&nonce=location-page-nonce-1',
    });
    expect(post.statusCode).toBe(303);
    const list = await a.ok('GET', `/api/v1/surveys/${survey.id}/responses?limit=200`);
    expect(list.items.filter((r: { locationId: string | null }) => r.locationId === ids.LOD)).toHaveLength(1);
    // A code no location has is left out on the page, refused by the API.
    const stray = await t.app.inject({
      method: 'POST',
      url: `/s/${survey.publicId}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'q.nps=7&l=NOPE&nonce=location-page-nonce-2',
    });
    expect(stray.statusCode).toBe(303);
    const refused = await api(t).post('/api/v1/public/responses', {
      surveyPublicId: survey.publicId,
      answers: { nps: 5 },
      locationCode: 'NOPE',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual(['body.locationCode']);
    const byApi = await api(t).post('/api/v1/public/responses', {
      surveyPublicId: survey.publicId,
      answers: { nps: 6 },
      locationCode: 'LOD',
    });
    expect(byApi.status).toBe(201);
    const lod = await a.ok('GET', `/api/v1/metrics/nps?location=${ids.LOD}`);
    expect(lod.n).toBe(2);
    expect(lod.counts).toEqual({ promoters: 1, passives: 0, detractors: 1 });

    // A personal link handed out at a location carries it too.
    const link = await a.ok('POST', `/api/v1/surveys/${survey.id}/links`, {
      customerExternalId: 'guest-at-lod',
      locationCode: 'LOD',
    });
    expect(link.url).toMatch(/\/s\/t\/[^?]+\?l=LOD$/);
    const path = new URL(link.url).pathname;
    const personal = await t.app.inject({ method: 'GET', url: `${path}?l=LOD` });
    expect(personal.body).toContain('name="l" value="LOD"');
    const answered = await t.app.inject({
      method: 'POST',
      url: path,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'q.nps=9&l=LOD&nonce=location-link-nonce-3',
    });
    expect(answered.statusCode).toBe(303);
    expect((await a.ok('GET', `/api/v1/metrics/nps?location=${ids.LOD}`)).n).toBe(3);
    const badLink = await a.post(`/api/v1/surveys/${survey.id}/links`, {
      customerExternalId: 'guest-at-lod',
      locationCode: 'NOPE',
    });
    expect(badLink.status).toBe(400);
    expect(badLink.body.errors.map((e: { field: string }) => e.field)).toEqual(['body.locationCode']);

    const qr = await a.get(`/api/v1/surveys/${survey.id}/qr.svg?location=LOD`);
    expect(qr.status).toBe(200);
    expect(String(qr.headers['content-type'])).toContain('image/svg+xml');
    const badQr = await a.get(`/api/v1/surveys/${survey.id}/qr.svg?location=NOPE`);
    expect(badQr.status).toBe(400);
    expect(badQr.body.errors.map((e: { field: string }) => e.field)).toEqual(['query.location']);
  });

  it('withholds staff answers by location under the anonymity threshold', async () => {
    const a = api(t, org);
    const staff = (await a.ok('POST', '/api/v1/surveys', {
      name: 'Staff pulse',
      audience: 'employees',
      defaultLocale: 'en',
      questions: [{ id: 'nps', type: 'nps', text: { en: 'Would you recommend working here?' } }],
    })) as any;
    await a.ok('POST', `/api/v1/surveys/${staff.id}/responses/batch`, {
      responses: [...times(3, 9, 'WAW'), ...times(10, 7, 'KRK')],
    });
    const board = await a.ok('GET', `/api/v1/locations/leaderboard?metric=nps&surveyId=${staff.id}`);
    const by = Object.fromEntries((board.items as Item[]).map((i) => [i.code, i]));
    // WAW's 3 are under 5; KRK's 10 would then reveal them by subtraction: both withheld.
    expect(by.WAW).toMatchObject({ withheld: true, score: null, standing: 'withheld' });
    expect(by.KRK).toMatchObject({ withheld: true, score: null, standing: 'withheld' });
    // The customers' board leaves staff answers out.
    const customers = await a.ok('GET', '/api/v1/locations/leaderboard?metric=nps');
    expect(customers.items.find((i: Item) => i.code === 'KRK').n).toBe(40);
  });
});
