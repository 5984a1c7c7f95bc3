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
      const res = await get(small, '/api/v1/metrics/nps?audience=employees', lang);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ suppressed: true, anonymityThreshold: 5 });
      expect(body).not.toHaveProperty('score');
      expect(body).not.toHaveProperty('n');
      expect(body.message).toContain(word);
    }
    const csv = await get(small, '/api/v1/metrics/nps?audience=employees&format=csv');
    expect(csv.body).not.toMatch(/\d{2}/);
    const drivers = (await get(small, '/api/v1/analytics/drivers?by=team&audience=employees')).json();
    expect(drivers).toMatchObject({ suppressed: true, score: null, n: null, items: [] });
    const topics = (await get(small, '/api/v1/analytics/text/topics?audience=employees')).json();
    expect(topics).toMatchObject({ suppressed: true, answers: null });
  });

  it('shows staff answers only as one all-time figure: never broken down, filtered or by period', async () => {
    const whole = (await get(org, '/api/v1/metrics/nps?audience=employees')).json();
    expect(whole).toMatchObject({ suppressed: false, n: 14, groups: [] });
    // By team, the office (3) would be recoverable from its department in the eNPS report, or
    // from the total: breakdowns of staff answers live there, with suppression across all of them.
    for (const url of [
      '/api/v1/metrics/nps?audience=employees&groupBy=team',
      '/api/v1/metrics/nps?audience=employees&groupBy=month',
      '/api/v1/metrics/nps?audience=employees&team=kitchen',
      '/api/v1/metrics/nps?audience=employees&from=2026-01-01',
      '/api/v1/metrics/nps?surveyId=enps&groupBy=team',
    ]) {
      const body = (await get(org, url)).json();
      expect(body, url).toMatchObject({ suppressed: true, anonymityThreshold: 5 });
      expect(body, url).not.toHaveProperty('groups');
    }
    const csv = (await get(org, '/api/v1/metrics/nps?audience=employees&groupBy=team&format=csv')).body;
    expect(csv).not.toContain('kitchen');
    const drivers = (await get(org, '/api/v1/analytics/drivers?by=team&audience=employees')).json();
    expect(drivers).toMatchObject({ suppressed: true, items: [] });
  });

  it('leaves staff answers out of a breakdown that mixes audiences', async () => {
    // The office team's customers are shown; its employees are not counted at all.
    const mixed = (await get(org, '/api/v1/metrics/nps?groupBy=team')).json();
    expect(mixed).toMatchObject({ suppressed: false, n: 3 });
    expect(mixed.groups).toEqual([expect.objectContaining({ key: 'office', n: 3 })]);
    const customers = (await get(org, '/api/v1/metrics/nps?audience=customers&groupBy=team')).json();
    expect(customers.groups).toEqual([expect.objectContaining({ key: 'office', n: 3 })]);
    const drivers = (await get(org, '/api/v1/analytics/drivers?by=team')).json();
    expect(drivers.items.map((d: { key: string; n: number }) => [d.key, d.n])).toEqual([['office', 3]]);
  });

  it('follows the organization’s own threshold, never below 3', async () => {
    const patch = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/analytics/settings',
      headers: small.auth,
      payload: { anonymityThreshold: 3 },
    });
    expect(patch.json()).toEqual({ anonymityThreshold: 3 });
    const body = (await get(small, '/api/v1/metrics/nps?audience=employees')).json();
    expect(body).toMatchObject({ suppressed: false, n: 3 });
    for (const value of [2, 1]) {
      const bad = await t.app.inject({
        method: 'PATCH',
        url: '/api/v1/settings/anonymity',
        headers: small.auth,
        payload: { anonymityThreshold: value },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0].field).toBe('body.anonymityThreshold');
    }
  });

  it('withholds terms of employee texts until enough of them answered', async () => {
    const terms = (await get(org, '/api/v1/analytics/text/terms?audience=employees')).json();
    // Kitchen texts: 5 promoters or passives and one detractor: too few detractors to compare.
    expect(terms.languages).toEqual([
      expect.objectContaining({ lang: 'en', suppressed: true, answers: null, detractors: null }),
    ]);
  });
});
