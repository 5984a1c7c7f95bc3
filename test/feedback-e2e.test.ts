import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestOrg } from './helpers/app';
import { ENGINES } from './helpers/db';

/** Survey responses imported through the surveys API reach every feedback figure. */
describe.each(ENGINES)('feedback from imported survey responses on %s', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  let surveyId: string;
  const call = (method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: org.auth, payload });

  // 12 answers a month from November to January: November mostly promoters, January mostly detractors.
  const SCORES = [
    [10, 10, 9, 9, 9, 9, 8, 8, 7, 6, 3, 10],
    [10, 9, 9, 8, 7, 7, 6, 5, 4, 9, 10, 2],
    [3, 2, 1, 0, 6, 6, 5, 9, 10, 8, 4, 2],
  ];
  const responses = SCORES.flatMap((month, m) =>
    month.map((nps, i) => ({
      id: randomUUID(),
      answers: { q1: nps, q2: nps <= 6 ? 'Late delivery, the courier was rude' : 'Great quality, thank you' },
      customerExternalId: i < 3 ? `e2e-${i}` : undefined,
      submittedAt: new Date(Date.UTC(2025, 10 + m, 2 + i, 9)).toISOString(),
      channel: i % 2 ? 'email' : 'link',
      touchpoint: i % 3 ? 'delivery' : 'checkout',
      locale: 'en',
    })),
  );

  beforeAll(async () => {
    t = await createTestApp(engine);
    org = await t.createOrg();
    const survey = await call('POST', '/api/v1/surveys', {
      name: 'Relationship',
      audience: 'customers',
      defaultLocale: 'en',
      questions: [
        { id: 'q1', type: 'nps', text: { en: 'How likely are you to recommend us?' }, required: true },
        { id: 'q2', type: 'text', text: { en: 'Why?' } },
      ],
    });
    expect(survey.statusCode).toBe(201);
    surveyId = survey.json().id;
    const imported = await call('POST', `/api/v1/surveys/${surveyId}/responses/batch`, { responses });
    expect(imported.json()).toEqual({ created: 36, skipped: 0 });
  });
  afterAll(() => t?.close());

  it('counts every imported answer once, even when the batch is sent again', async () => {
    const again = await call('POST', `/api/v1/surveys/${surveyId}/responses/batch`, { responses });
    expect(again.json()).toEqual({ created: 0, skipped: 36 });
    const body = (await call('GET', `/api/v1/metrics/nps?surveyId=${surveyId}&groupBy=month`)).json();
    const all = SCORES.flat();
    const promoters = all.filter((v) => v >= 9).length;
    const detractors = all.filter((v) => v <= 6).length;
    expect(body.n).toBe(36);
    expect(body.score).toBeCloseTo((100 * (promoters - detractors)) / 36, 10);
    expect(body.groups.map((g: { key: string; n: number }) => [g.key, g.n])).toEqual([
      ['2025-11-01', 12],
      ['2025-12-01', 12],
      ['2026-01-01', 12],
    ]);
    const january = (
      await call(
        'GET',
        `/api/v1/metrics/nps?surveyId=${surveyId}&from=2026-01-01&to=2026-01-31&compare=previous`,
      )
    ).json();
    expect(january.change.previous.n).toBe(12);
    expect(january.change.delta).toBeLessThan(0);
  });

  it('breaks down by touchpoint and channel as the responses were tagged', async () => {
    const byTouchpoint = (await call('GET', '/api/v1/metrics/nps?groupBy=touchpoint')).json();
    expect(byTouchpoint.groups.map((g: { key: string; n: number }) => [g.key, g.n])).toEqual([
      ['checkout', 12],
      ['delivery', 24],
    ]);
    const byChannel = (await call('GET', '/api/v1/metrics/nps?groupBy=channel')).json();
    expect(byChannel.groups.map((g: { key: string; n: number }) => [g.key, g.n])).toEqual([
      ['email', 18],
      ['link', 18],
    ]);
  });

  it('shows the customer’s latest score on the profile', async () => {
    const profile = (await call('GET', '/api/v1/customers/e2e-0')).json();
    expect(profile.latestFeedback.nps).toMatchObject({ value: SCORES[2][0], surveyId });
  });

  it('finds what detractors talk about in the open answers', async () => {
    const terms = (await call('GET', '/api/v1/analytics/text/terms?lang=en')).json();
    const [en] = terms.languages;
    expect(en.answers.detractors).toBe(SCORES.flat().filter((v) => v <= 6).length);
    expect(en.detractors.terms.map((x: { term: string }) => x.term)).toEqual(
      expect.arrayContaining(['courier', 'late', 'rude']),
    );
    expect(en.promoters.phrases.map((x: { term: string }) => x.term)).toContain('great quality');
  });
});
