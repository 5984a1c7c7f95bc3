import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestOrg } from './helpers/app';
import { ENGINES } from './helpers/db';
import { emitResponses, type ResponseInput } from './helpers/responses';

const employee = (team: string, nps: number, text?: string): ResponseInput => ({
  audience: 'employees',
  surveyId: 'enps',
  team,
  scores: { nps },
  texts: text ? [text] : [],
});

describe.each(ENGINES)('anonymity threshold on %s', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  let small: TestOrg;
  const get = (who: TestOrg, url: string, lang = 'en') =>
    t.app.inject({ method: 'GET', url, headers: { ...who.auth, 'accept-language': lang } });

  beforeAll(async () => {
    t = await createTestApp(engine);
    org = await t.createOrg();
    small = await t.createOrg();
    // Teams of 6, 5 and 3 employees; customers answer as well.
    await emitResponses(t.ctx, org.orgId, [
      ...[10, 9, 9, 8, 3, 10].map((v) => employee('kitchen', v, 'the manager listens')),
      ...[7, 8, 9, 2, 10].map((v) => employee('delivery', v)),
      ...[0, 10, 9].map((v) => employee('office', v)),
      ...[9, 9, 1].map((nps) => ({ scores: { nps }, team: 'office' })),
    ]);
    await emitResponses(
      t.ctx,
      small.orgId,
      [10, 6, 9].map((v) => employee('kitchen', v, 'long shifts')),
    );
  });
  afterAll(() => t?.close());

  it('withholds the whole answer, with a localized message, under the threshold', async () => {
    for (const [lang, word] of [
      ['en', 'anonymous'],
      ['pl', 'anonimowe'],
      ['cs', 'anonymní'],
      ['ru', 'анонимными'],
    ]) {
      const res = await get(small, '/api/v1/metrics/nps?groupBy=team', lang);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ suppressed: true, anonymityThreshold: 5 });
      expect(body).not.toHaveProperty('score');
      expect(body).not.toHaveProperty('n');
      expect(body.message).toContain(word);
    }
    const csv = await get(small, '/api/v1/metrics/nps?format=csv');
    expect(csv.body).not.toMatch(/\d{2}/);
    const drivers = (await get(small, '/api/v1/analytics/drivers?by=team')).json();
    expect(drivers).toMatchObject({ suppressed: true, score: null, n: null, items: [] });
    const topics = (await get(small, '/api/v1/analytics/text/topics?audience=employees')).json();
    expect(topics).toMatchObject({ suppressed: true, answers: null });
  });

  it('withholds small groups and one more, so subtraction reveals nobody', async () => {
    const body = (await get(org, '/api/v1/metrics/nps?audience=employees&groupBy=team')).json();
    expect(body.suppressed).toBe(false);
    expect(body.n).toBe(14);
    // office (3) is under 5; alone it could be recovered as total − the rest, so delivery (5) goes too.
    expect(body.groups.map((g: { key: string }) => g.key)).toEqual(['kitchen']);
    expect(body.withheldGroups).toBe(2);
    expect(body.notice).toContain('2');
    const csv = (await get(org, '/api/v1/metrics/nps?audience=employees&groupBy=team&format=csv')).body;
    expect(csv.split('\r\n').map((l) => l.split(',')[0])).toEqual(['group', 'kitchen', 'total', '']);
    const drivers = (await get(org, '/api/v1/analytics/drivers?by=team&audience=employees')).json();
    expect(drivers.items.map((d: { key: string }) => d.key)).toEqual(['kitchen']);
  });

  it('counts only protected respondents against the threshold', async () => {
    // The customers of the office team are no employees: mixed in, office has 3 protected answers still.
    const mixed = (await get(org, '/api/v1/metrics/nps?groupBy=team')).json();
    expect(mixed.groups.map((g: { key: string }) => g.key)).toEqual(['kitchen']);
    const customers = (await get(org, '/api/v1/metrics/nps?audience=customers&groupBy=team')).json();
    expect(customers.groups).toEqual([expect.objectContaining({ key: 'office', n: 3 })]);
  });

  it('follows the organization’s own threshold', async () => {
    const patch = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/analytics/settings',
      headers: org.auth,
      payload: { anonymityThreshold: 3 },
    });
    expect(patch.json()).toEqual({ anonymityThreshold: 3 });
    const body = (await get(org, '/api/v1/metrics/nps?audience=employees&groupBy=team')).json();
    expect(body.groups.map((g: { key: string }) => g.key)).toEqual(['delivery', 'kitchen', 'office']);
    const bad = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/analytics/settings',
      headers: org.auth,
      payload: { anonymityThreshold: 1 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('body.anonymityThreshold');
  });

  it('withholds terms of employee texts until enough of them answered', async () => {
    const terms = (await get(org, '/api/v1/analytics/text/terms?audience=employees')).json();
    // Kitchen texts: 5 promoters or passives and one detractor: too few detractors to compare.
    expect(terms.languages).toEqual([
      expect.objectContaining({ lang: 'en', suppressed: true, answers: null, detractors: null }),
    ]);
  });
});
