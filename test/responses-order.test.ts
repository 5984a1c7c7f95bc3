import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from './helpers/api';
import { createTestApp, type TestApp } from './helpers/app';
import { ENGINES } from './helpers/db';
import { createSurvey } from './surveys/helpers';

// Imported out of time order, as the demo's history is: the list must still lead with the newest.
const ANSWERED = [
  '2025-12-10T10:00:00.000Z',
  '2026-09-01T08:00:00.000Z',
  '2026-06-15T12:00:00.000Z',
  '2024-01-05T09:30:00.000Z',
  '2026-09-01T08:00:00.000Z',
  '2025-03-03T03:03:03.000Z',
  '2026-11-30T23:59:59.999Z',
];

describe.each(ENGINES)('a survey’s responses in time order on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t?.close());

  it('lists answers newest first across pages, ties by id, and a live answer leads', async () => {
    t.clock.set(new Date('2026-12-01T10:00:00Z'));
    const org = await t.createOrg();
    const survey = await createSurvey(t, org);
    await api(t, org).ok('POST', `/api/v1/surveys/${survey.id}/responses/batch`, {
      responses: ANSWERED.map((submittedAt, i) => ({ answers: { nps: i % 11 }, submittedAt })),
    });

    const pages: { submittedAt: string; id: string }[][] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const page = await api(t, org).ok('GET', `/api/v1/surveys/${survey.id}/responses?limit=3${query}`);
      pages.push(page.items);
      cursor = page.nextCursor;
    } while (cursor);
    const listed = pages.flat();
    expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
    expect(listed.map((r) => r.submittedAt)).toEqual([...ANSWERED].sort().reverse());
    const tie = listed.filter((r) => r.submittedAt === '2026-09-01T08:00:00.000Z').map((r) => r.id);
    expect(tie).toEqual([...tie].sort().reverse());

    // an answer given now comes before every imported one
    t.clock.set(new Date('2026-12-03T10:00:00Z'));
    const live = await api(t).post('/api/v1/public/responses', {
      surveyPublicId: survey.publicId,
      answers: { nps: 10 },
    });
    expect(live.status, live.text).toBeLessThan(300);
    const first = await api(t, org).ok('GET', `/api/v1/surveys/${survey.id}/responses?limit=1`);
    expect(first.items[0].answers).toEqual({ nps: 10 });
    expect(first.items[0].channel).not.toBe('import');
  });
});
