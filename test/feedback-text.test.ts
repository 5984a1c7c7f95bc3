import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TextLang } from '../src/modules/feedback/domain/text/languages';
import { stemWord } from '../src/modules/feedback/domain/text/stem';
import { buildCorpus, PLANS } from '../src/modules/feedback/domain/text/test-corpus';
import { createTestApp, type TestApp, type TestOrg } from './helpers/app';
import { ENGINES } from './helpers/db';
import { emitResponse, emitResponses } from './helpers/responses';

const corpus = buildCorpus(20240611, 100);
const stemsOf = (phrase: string, lang: TextLang) =>
  phrase
    .split(' ')
    .map((w) => stemWord(w, lang))
    .join(' ');

const DELIVERY = {
  key: 'delivery',
  name: { en: 'Delivery', pl: 'Dostawa', cs: 'Doručení', ru: 'Доставка' },
  keywords: {
    en: ['courier', 'delay*'],
    pl: ['kurier', 'opóźnienie'],
    cs: ['kurýr', 'zpoždění'],
    ru: ['курьер', 'опоздание'],
  },
};

describe.each(ENGINES)('text insight on %s', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: org.auth, payload });

  beforeAll(async () => {
    t = await createTestApp(engine);
    org = await t.createOrg();
    await emitResponses(
      t.ctx,
      org.orgId,
      corpus.map((a, i) => ({
        scores: { nps: a.score },
        texts: [a.text],
        locale: a.lang,
        customer: i === 0 ? 'erasable' : undefined,
        submittedAt: new Date(Date.UTC(2026, 0, 1 + (i % 28), 10)),
      })),
    );
  });
  afterAll(() => t?.close());

  it('finds the planted distinguishing words and phrases of every language', async () => {
    const res = await call('GET', '/api/v1/analytics/text/terms?from=2026-01-01&to=2026-01-31');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.fromMonth).toBe('2026-01-01');
    expect(body.languages.map((l: { lang: string }) => l.lang)).toEqual(['pl', 'cs', 'ru', 'en']);
    for (const lang of Object.keys(PLANS) as TextLang[]) {
      const plan = PLANS[lang];
      const entry = body.languages.find((l: { lang: string }) => l.lang === lang);
      expect(entry.answers).toEqual({ detractors: 100, passives: 0, promoters: 100 });
      const planted = [
        ...plan.detractorWords.map((forms) => stemWord(forms[0], lang)),
        ...stemsOf(plan.detractorPhrase, lang).split(' '),
      ].sort();
      const top = entry.detractors.terms
        .slice(0, planted.length)
        .map((x: { key: string }) => x.key)
        .sort();
      expect(top, lang).toEqual(planted);
      expect(entry.detractors.terms[0].zScore).toBeGreaterThan(3);
      expect(entry.detractors.phrases[0]).toMatchObject({
        key: stemsOf(plan.detractorPhrase, lang),
        term: plan.detractorPhrase,
      });
      expect(entry.promoters.phrases[0].key).toBe(stemsOf(plan.promoterPhrase, lang));
      expect(entry.promoters.terms.map((x: { key: string }) => x.key)).toContain(
        stemWord(plan.promoterWords[0][0], lang),
      );
    }
    const polishOnly = (await call('GET', '/api/v1/analytics/text/terms?lang=pl&limit=3')).json();
    expect(polishOnly.languages.map((l: { lang: string }) => l.lang)).toEqual(['pl']);
    expect(polishOnly.languages[0].detractors.terms).toHaveLength(3);
    const empty = (await call('GET', '/api/v1/analytics/text/terms?from=2025-01-01&to=2025-12-31')).json();
    expect(empty.languages).toEqual([]);
  });

  it('tags stored answers when the taxonomy changes, and new answers as they arrive', async () => {
    const created = await call('POST', '/api/v1/analytics/topics', DELIVERY);
    expect(created.statusCode).toBe(201);
    const topic = created.json();
    expect((await call('POST', '/api/v1/analytics/topics', DELIVERY)).statusCode).toBe(409);
    await t.ctx.jobs.runDue();

    const insight = (await call('GET', '/api/v1/analytics/text/topics')).json();
    expect(insight.answers).toBe(corpus.length);
    const [delivery] = insight.items;
    const mentioning = corpus.filter((a) =>
      PLANS[a.lang].detractorWords.some((forms) => forms.some((f) => a.text.includes(f))),
    );
    // Every answer mentioning a planted courier or delay word is tagged (some by both).
    expect(delivery.n).toBeGreaterThanOrEqual(mentioning.length * 0.95);
    expect(delivery.n).toBeLessThanOrEqual(mentioning.length);
    expect(delivery.effect.effect).toBeLessThan(-50);
    expect(delivery.effect.pValue).toBeLessThan(0.001);
    expect(delivery.trend).toEqual([
      { month: '2026-01-01', n: delivery.n, share: delivery.n / corpus.length },
    ]);

    await emitResponse(t.ctx, org.orgId, { scores: { nps: 1 }, texts: ['The courier was late'] });
    const after = (await call('GET', '/api/v1/analytics/text/topics')).json();
    expect(after.items[0].n).toBe(delivery.n + 1);

    const renamed = await call('PATCH', `/api/v1/analytics/topics/${topic.id}`, {
      keywords: { any: ['zzz-never-said'] },
    });
    expect(renamed.statusCode).toBe(200);
    await t.ctx.jobs.runDue();
    expect((await call('GET', '/api/v1/analytics/text/topics')).json().items[0].n).toBe(0);

    const list = (await call('GET', '/api/v1/analytics/topics?limit=1')).json();
    expect(list.items.map((x: { key: string }) => x.key)).toEqual(['delivery']);
    expect((await call('DELETE', `/api/v1/analytics/topics/${topic.id}`)).statusCode).toBe(204);
    expect((await call('GET', `/api/v1/analytics/topics/${topic.id}`)).statusCode).toBe(404);
  });

  it('validates topics and names the field', async () => {
    const none = await call('POST', '/api/v1/analytics/topics', { key: 'empty', keywords: {} });
    expect(none.statusCode).toBe(400);
    expect(none.json().errors[0].field).toBe('body.keywords');
    const badKey = await call('POST', '/api/v1/analytics/topics', {
      key: 'Bad Key',
      keywords: { en: ['x'] },
    });
    expect(badKey.json().errors[0].field).toBe('body.key');
    const badLang = await call('POST', '/api/v1/analytics/topics', { key: 'x', keywords: { de: ['x'] } });
    expect(badLang.statusCode).toBe(400);
  });

  it('gives other modules the topics of any texts', async () => {
    const { topicsOfTexts } = await import('../src/modules/feedback/api');
    const created = (
      await call('POST', '/api/v1/analytics/topics', { ...DELIVERY, key: 'delivery-2' })
    ).json();
    const found = await t.ctx.db.withOrg(org.orgId, (tx) =>
      topicsOfTexts(t.ctx, tx, org.orgId, ['Kurier przyjechał z opóźnieniem'], 'pl'),
    );
    expect(found).toEqual([{ id: created.id, key: 'delivery-2', name: DELIVERY.name }]);
    const none = await t.ctx.db.withOrg(org.orgId, (tx) =>
      topicsOfTexts(t.ctx, tx, org.orgId, ['Everything was fine']),
    );
    expect(none).toEqual([]);
  });

  it('erases a customer’s texts and link but keeps the anonymous figures', async () => {
    const before = (await call('GET', '/api/v1/metrics/nps')).json();
    const exported = (await call('GET', '/api/v1/customers/erasable/export')).json();
    expect(JSON.stringify(exported)).toContain(corpus[0].text);
    const erased = await call('DELETE', '/api/v1/customers/erasable');
    expect(erased.statusCode).toBeLessThan(300);
    const rows = await t.ctx.db.queryOwner<{ n: number }>(
      `select count(*)::int as n from feedback_answers where org_id = $1 and ($2 = any(texts) or customer_id is not null)`,
      [org.orgId, corpus[0].text],
    );
    expect(rows[0].n).toBe(0);
    const linked = await t.ctx.db.queryOwner<{ n: number }>(
      'select count(*)::int as n from feedback_facts where org_id = $1 and customer_id is not null',
      [org.orgId],
    );
    expect(linked[0].n).toBe(0);
    expect((await call('GET', '/api/v1/metrics/nps')).json()).toEqual(before);
  });
});
