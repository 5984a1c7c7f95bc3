import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from './helpers/api';
import { createTestApp, type TestApp, type TestOrg } from './helpers/app';
import { ENGINES } from './helpers/db';
import { emitResponses } from './helpers/responses';

// Dozens of Polish comments in which both sides mention the same things about as often: no word
// sets a side apart beyond chance, as in the demo, yet the Words tab has plenty to show.
const DETRACTOR_COMMENTS = [
  'Dostawa była opóźniona, pizza zimna',
  'Kurier się spóźnił, a pizza była zimna',
  'Długo czekałem na dostawę',
  'Obsługa miła, ale dostawa za wolna',
  'Pizza smaczna, tylko dostawa trwała wieki',
  'Zimne jedzenie i spóźniony kurier',
];
const PROMOTER_COMMENTS = [
  'Pizza bardzo smaczna, dostawa szybka',
  'Miła obsługa i gorąca pizza',
  'Kurier punktualny, pizza pyszna',
  'Szybka dostawa, polecam',
  'Smaczna pizza i miła obsługa',
  'Dostawa na czas, pizza gorąca',
];

describe.each(ENGINES)('the Words tab on %s', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  beforeAll(async () => {
    t = await createTestApp(engine);
    org = await t.createOrg();
    const answers = [0, 1, 2, 3].flatMap((round) => [
      ...DETRACTOR_COMMENTS.map((text, i) => ({ nps: (i + round) % 7, text })),
      ...PROMOTER_COMMENTS.map((text, i) => ({ nps: 9 + ((i + round) % 2), text })),
    ]);
    await emitResponses(
      t.ctx,
      org.orgId,
      answers.map((a, i) => ({
        scores: { nps: a.nps },
        texts: [a.text],
        locale: 'pl',
        submittedAt: new Date(Date.UTC(2026, 0, 1 + (i % 28), 10)),
      })),
    );
  });
  afterAll(() => t?.close());

  it('lists the most frequent words with their counts when none is significant', async () => {
    const body = await api(t, org).ok('GET', '/api/v1/analytics/text/terms?lang=pl&limit=12');
    const [pl] = body.languages;
    expect(pl.answers).toEqual({ detractors: 24, passives: 0, promoters: 24 });
    const detractorWords = pl.detractors.terms;
    expect(detractorWords.length).toBeGreaterThanOrEqual(5);
    const pizza = detractorWords.find((w: { term: string }) => /^pizz/.test(w.term));
    // "pizza" is in 3 of the 6 detractor comments and 5 of the 6 promoter ones, four rounds each
    expect(pizza).toMatchObject({ count: 12, otherCount: 20, significant: false });
    const counts = detractorWords.map((w: { count: number }) => w.count);
    const unmarked = detractorWords.filter((w: { significant: boolean }) => !w.significant);
    // the unmarked words follow the marked ones, most frequent first
    expect(unmarked.map((w: { count: number }) => w.count)).toEqual(
      [...unmarked.map((w: { count: number }) => w.count)].sort((a, b) => b - a),
    );
    expect(Math.max(...counts)).toBeGreaterThanOrEqual(12);
    for (const w of [...detractorWords, ...pl.promoters.terms]) {
      expect(w.significant).toBe(w.zScore !== null && w.zScore >= 1.96);
    }
  });

  it('answers no language when there are no comments', async () => {
    const body = await api(t, org).ok('GET', '/api/v1/analytics/text/terms?from=2025-01-01&to=2025-12-31');
    expect(body.languages).toEqual([]);
  });
});
