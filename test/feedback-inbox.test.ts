import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCustomerByExternalId, setServiceTiers } from '../src/modules/customers/api';
import { api } from './helpers/api';
import { createTestApp, type TestApp, type TestOrg } from './helpers/app';
import { problemOf } from './helpers/customers';
import { ENGINES } from './helpers/db';
import { createSurvey, NPS_SURVEY } from './surveys/helpers';

const CSAT_SURVEY = {
  name: 'After contact',
  audience: 'customers',
  defaultLocale: 'en',
  questions: [
    { id: 'csat', type: 'csat', required: true, text: { en: 'How satisfied are you?' } },
    { id: 'note', type: 'text', text: { en: 'Anything to add?' } },
  ],
};
const at = (day: number) => new Date(Date.UTC(2026, 0, day, 10)).toISOString();

describe.each(ENGINES)('the feedback inbox on %s', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  let nps: { id: string };
  let csat: { id: string };
  beforeAll(async () => {
    t = await createTestApp(engine);
    org = await t.createOrg();
    nps = await createSurvey(t, org, NPS_SURVEY);
    csat = await createSurvey(t, org, CSAT_SURVEY);
    await api(t, org).ok('POST', `/api/v1/surveys/${nps.id}/responses/batch`, {
      responses: [
        {
          answers: { nps: 2, why_low: 'The courier was LATE again' },
          submittedAt: at(3),
          customerExternalId: 'anna',
        },
        { answers: { nps: 10, why_high: 'Fast delivery' }, submittedAt: at(9), channel: 'email' },
        { answers: { nps: 8 }, submittedAt: at(5), locale: 'pl' },
      ],
    });
    await api(t, org).ok('POST', `/api/v1/surveys/${csat.id}/responses/batch`, {
      responses: [
        { answers: { csat: 2, note: 'Nobody called back, late answer' }, submittedAt: at(7) },
        { answers: { csat: 5 }, submittedAt: at(1) },
      ],
    });
  });
  afterAll(() => t?.close());

  const list = async (query = '') => (await api(t, org).ok('GET', `/api/v1/responses?${query}`)).items;
  const days = (items: { answeredAt: string }[]) => items.map((r) => new Date(r.answeredAt).getUTCDate());

  it('lists every survey’s responses newest first, page by page, with survey, customer and comment', async () => {
    const pages: { answeredAt: string }[][] = [];
    let cursor = '';
    do {
      const page = await api(t, org).ok('GET', `/api/v1/responses?limit=2${cursor && `&cursor=${cursor}`}`);
      pages.push(page.items);
      cursor = page.nextCursor ?? '';
    } while (cursor);
    expect(pages.map(days)).toEqual([[9, 7], [5, 3], [1]]);
    const [anna] = await list('q=courier');
    expect(anna).toMatchObject({
      surveyId: nps.id,
      surveyName: 'Relationship NPS',
      customerExternalId: 'anna',
      scores: { nps: 2 },
      comment: 'The courier was LATE again',
    });
    expect(days(await list('sort=oldest'))).toEqual([1, 3, 5, 7, 9]);
  });

  it('filters by score band, survey, channel, language, comment and period', async () => {
    expect(days(await list('band=detractor'))).toEqual([3]);
    expect(days(await list('band=passive'))).toEqual([5]);
    expect(days(await list('band=satisfied'))).toEqual([1]);
    expect(days(await list('band=not_satisfied'))).toEqual([7]);
    expect(days(await list(`surveyId=${csat.id}`))).toEqual([7, 1]);
    expect(days(await list('channel=email'))).toEqual([9]);
    expect(days(await list('locale=pl'))).toEqual([5]);
    expect(days(await list('hasComment=true'))).toEqual([9, 7, 3]);
    expect(days(await list('hasComment=false'))).toEqual([5, 1]);
    expect(days(await list(`from=${at(3)}&to=${at(7)}`))).toEqual([5, 3]);
  });

  it('searches comments in any case and sorts by score on each scale', async () => {
    expect(days(await list('q=late'))).toEqual([7, 3]);
    expect(days(await list('q=50%25'))).toEqual([]);
    // NPS 2 → 0.2, CSAT 2 → 0.25, NPS 8 → 0.8, NPS 10 and CSAT 5 → 1 (newer first among equals when descending)
    expect(days(await list('sort=score'))).toEqual([3, 7, 5, 1, 9]);
    expect(days(await list('sort=-score'))).toEqual([9, 1, 5, 7, 3]);
    const first = await api(t, org).ok('GET', '/api/v1/responses?sort=score&limit=2');
    const rest = await api(t, org).ok(
      'GET',
      `/api/v1/responses?sort=score&limit=2&cursor=${first.nextCursor}`,
    );
    expect(days(rest.items)).toEqual([5, 1]);
  });

  it('shows the case a response opened', async () => {
    // the detractor's answer opened a case by the organization's rules
    const [late] = await list('q=courier');
    expect(late.case).toMatchObject({ id: expect.any(String), title: expect.any(String) });
    const opened = await api(t, org).ok('GET', `/api/v1/cases/${late.case.id}`);
    expect(opened).toMatchObject({ responseId: late.id, status: late.case.status, title: late.case.title });
    expect((await list('band=promoter'))[0].case).toBeNull();
  });

  it('filters by the customer’s stage and service tier now, and by whether the response opened a case', async () => {
    const anna = await api(t, org).ok('GET', '/api/v1/customers/anna');
    expect(days(await list(`stage=${anna.lifecycleStage}`))).toEqual([3]);
    const otherStage = anna.lifecycleStage === 'loyal' ? 'lost' : 'loyal';
    expect(days(await list(`stage=${otherStage}`))).toEqual([]);
    expect(days(await list('tier=premium'))).toEqual([]);
    await t.ctx.db.withOrg(org.orgId, async (tx) => {
      const ref = await findCustomerByExternalId(tx, org.orgId, 'anna');
      if (!ref) throw new Error('anna is not stored');
      await setServiceTiers(t.ctx, tx, org.orgId, [{ customerId: ref.id, tier: 'premium' }]);
    });
    expect(days(await list('tier=premium'))).toEqual([3]);
    expect(days(await list(`tier=premium&stage=${anna.lifecycleStage}&band=detractor`))).toEqual([3]);
    expect(days(await list(`tier=premium&stage=${otherStage}`))).toEqual([]);
    expect(days(await list('tier=standard'))).toEqual([]);
    const withCase = await list('hasCase=true');
    expect(withCase.every((r: { case: unknown }) => r.case !== null)).toBe(true);
    expect(days(withCase)).toContain(3);
    const withoutCase = await list('hasCase=false');
    expect(withoutCase.every((r: { case: unknown }) => r.case === null)).toBe(true);
    expect(days(withoutCase)).toContain(9);
    expect([...days(withCase), ...days(withoutCase)].sort()).toEqual([1, 3, 5, 7, 9]);
  });

  it('reads dates in the organization’s time zone: a day is the local day, `to` included', async () => {
    const warsaw = await t.createOrg();
    await api(t, warsaw).patch('/api/v1/org', { timeZone: 'Europe/Warsaw' });
    const survey = await createSurvey(t, warsaw, NPS_SURVEY);
    await api(t, warsaw).ok('POST', `/api/v1/surveys/${survey.id}/responses/batch`, {
      responses: [
        // 00:30 on 4 January in Warsaw, still the 3rd in UTC
        { answers: { nps: 9 }, submittedAt: '2026-01-03T23:30:00Z' },
        // 00:30 on 5 January in Warsaw
        { answers: { nps: 3 }, submittedAt: '2026-01-04T23:30:00Z' },
        // 23:30 on 3 January in Warsaw
        { answers: { nps: 7 }, submittedAt: '2026-01-03T22:30:00Z' },
      ],
    });
    const scores = async (query: string) =>
      (await api(t, warsaw).ok('GET', `/api/v1/responses?${query}`)).items.map(
        (r: { scores: { nps: number } }) => r.scores.nps,
      );
    expect(await scores('from=2026-01-04&to=2026-01-04')).toEqual([9]);
    expect(await scores('from=2026-01-04')).toEqual([3, 9]);
    expect(await scores('to=2026-01-03')).toEqual([7]);
    // a date-time stays that instant
    expect(await scores('from=2026-01-03T23:00:00Z&to=2026-01-04T23:30:00Z')).toEqual([9]);
  });

  it('puts chosen responses into cases: keeps a case, joins the customer’s open one, or opens one', async () => {
    await api(t, org).ok('POST', `/api/v1/surveys/${csat.id}/responses/batch`, {
      responses: [{ answers: { csat: 4 }, submittedAt: at(10), customerExternalId: 'anna' }],
    });
    const [annaAgain] = await list('surveyId=' + csat.id + '&band=satisfied&sort=newest');
    const [courier] = await list('q=courier');
    const [passive] = await list('band=passive');
    const put = await api(t, org).ok('POST', '/api/v1/responses/cases', {
      responseIds: [courier.id, annaAgain.id, passive.id],
    });
    expect(put.items).toEqual([
      { responseId: courier.id, caseId: courier.case.id, outcome: 'had' },
      { responseId: annaAgain.id, caseId: courier.case.id, outcome: 'joined' },
      { responseId: passive.id, caseId: expect.any(String), outcome: 'opened' },
    ]);
    const opened = await api(t, org).ok('GET', `/api/v1/cases/${put.items[2].caseId}`);
    expect(opened).toMatchObject({ responseId: passive.id, title: 'Negative feedback: NPS 8' });
    expect((await list('band=passive'))[0].case.id).toBe(put.items[2].caseId);
    // sent again, nothing new
    const again = await api(t, org).ok('POST', '/api/v1/responses/cases', { responseIds: [passive.id] });
    expect(again.items).toEqual([{ responseId: passive.id, caseId: put.items[2].caseId, outcome: 'had' }]);
    const bad = await api(t, org).post('/api/v1/responses/cases', {
      responseIds: [passive.id, '00000000-0000-4000-8000-000000000000'],
    });
    expect(bad.status).toBe(400);
    expect(problemOf(bad).errors?.[0].field).toBe('body.responseIds.1');
  });

  it('names the field of a bad filter', async () => {
    for (const [query, field] of [
      ['band=angry', 'query.band'],
      ['sort=random', 'query.sort'],
      ['surveyId=nope', 'query.surveyId'],
      ['hasComment=maybe', 'query.hasComment'],
      ['stage=sleepy', 'query.stage'],
      ['tier=', 'query.tier'],
      ['hasCase=yes', 'query.hasCase'],
      ['from=2026-13-01', 'query.from'],
      ['to=yesterday', 'query.to'],
      ['from=2026-01-05&to=2026-01-04', 'query.to'],
      [
        'cursor=WyJ4IiwiMjAyNi0wMS0wMVQwMDowMDowMC4wMDBaIiwiMDAwMDAwMDAtMDAwMC0wMDAwLTAwMDAtMDAwMDAwMDAwMDAwIl0',
        'query.cursor',
      ],
    ]) {
      const res = await api(t, org).get(`/api/v1/responses?${query}`);
      expect(res.status, query).toBe(400);
      expect(problemOf(res).errors?.[0].field).toBe(field);
    }
    const other = await t.createOrg();
    expect((await api(t, other).ok('GET', '/api/v1/responses')).items).toEqual([]);
  });
});
