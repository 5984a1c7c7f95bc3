import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestOrg } from './helpers/app';
import { ENGINES } from './helpers/db';
import {
  createSurvey,
  FORM_HEADERS,
  form,
  hiddenValue,
  NPS_SURVEY,
  upsertCustomers,
} from './surveys/helpers';

describe.each(ENGINES)('surveys on %s', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  beforeAll(async () => {
    t = await createTestApp(engine);
    org = await t.createOrg();
  });
  afterAll(() => t?.close());

  const api = (method: string, url: string, payload?: object, headers = org.auth) =>
    t.app.inject({ method: method as 'POST', url, headers, payload });

  it('creates, reads, lists and pages surveys; active unless draft is asked', async () => {
    const created = await createSurvey(t, org);
    expect(created).toMatchObject({ status: 'active', version: 1, audience: 'customers', responseCount: 0 });
    expect(created.publicId).toMatch(/^[a-z0-9]{12}$/);
    expect(created.url).toMatch(new RegExp(`/s/${created.publicId}$`));
    const draft = await createSurvey(t, org, { ...NPS_SURVEY, name: 'Draft', status: 'draft' });
    expect(draft).toMatchObject({ status: 'draft' });
    const got = await api('GET', `/api/v1/surveys/${created.id}`);
    expect(got.json()).toMatchObject({ id: created.id, questions: NPS_SURVEY.questions });
    const first = (await api('GET', '/api/v1/surveys?limit=1')).json();
    expect(first.items).toHaveLength(1);
    const second = (await api('GET', `/api/v1/surveys?limit=1&cursor=${first.nextCursor}`)).json();
    expect(second.items[0].id).not.toBe(first.items[0].id);
    expect((await api('GET', '/api/v1/surveys?status=draft')).json().items.map((s: any) => s.id)).toContain(
      draft.id,
    );
  });

  it('refuses bad surveys with problem+json naming the field', async () => {
    const bad = async (body: object, field: string) => {
      const res = await api('POST', '/api/v1/surveys', body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    };
    await bad({ ...NPS_SURVEY, audience: 'aliens' }, 'body.audience');
    await bad(
      { ...NPS_SURVEY, questions: [{ id: 'q', type: 'stars', text: { en: 'x' } }] },
      'body.questions.0.type',
    );
    await bad(
      { ...NPS_SURVEY, questions: [NPS_SURVEY.questions[0], NPS_SURVEY.questions[0]] },
      'body.questions.1.id',
    );
    await bad(
      {
        ...NPS_SURVEY,
        questions: [{ ...NPS_SURVEY.questions[1], showIf: { questionId: 'nps', op: 'lte', value: 6 } }],
      },
      'body.questions.0.showIf.questionId',
    );
    // Any one locale is enough, but one in which every text is written.
    await bad(
      {
        ...NPS_SURVEY,
        defaultLocale: 'pl',
        questions: [
          { id: 'a', type: 'csat', text: { en: 'x' } },
          { id: 'b', type: 'text', text: { pl: 'y' } },
        ],
      },
      'body.questions.0.text',
    );
    await bad(
      {
        ...NPS_SURVEY,
        questions: [
          { id: 'c', type: 'choice', text: { en: 'x' }, options: [{ id: 'a', text: { en: 'A' } }] },
        ],
      },
      'body.questions.0.options',
    );
  });

  it('keeps every response on its version when questions change', async () => {
    const s = await createSurvey(t, org);
    // no responses yet: the version is edited in place
    const edited = await api('PATCH', `/api/v1/surveys/${s.id}`, { questions: [NPS_SURVEY.questions[0]] });
    expect(edited.json()).toMatchObject({ version: 1 });
    const answered = await api(
      'POST',
      '/api/v1/public/responses',
      { surveyPublicId: s.publicId, answers: { nps: 9 } },
      {},
    );
    expect(answered.statusCode, answered.body).toBe(201);
    t.clock.advance(1000);
    const v2 = await api('PATCH', `/api/v1/surveys/${s.id}`, {
      questions: NPS_SURVEY.questions,
      name: 'Renamed',
    });
    expect(v2.json()).toMatchObject({ version: 2, name: 'Renamed' });
    await api(
      'POST',
      '/api/v1/public/responses',
      { surveyPublicId: s.publicId, answers: { nps: 3, why_low: 'slow' } },
      {},
    );
    const list = (await api('GET', `/api/v1/surveys/${s.id}/responses`)).json();
    // newest first
    expect(list.items.map((r: any) => [r.version, r.scores.nps])).toEqual([
      [2, 3],
      [1, 9],
    ]);
    const onlyV2 = (await api('GET', `/api/v1/surveys/${s.id}/responses?version=2`)).json();
    expect(onlyV2.items).toHaveLength(1);
    expect(
      (
        await api('PATCH', `/api/v1/surveys/${s.id}`, {
          questions: [{ id: 'x', type: 'nps', text: { de: 'x' } }],
        })
      ).statusCode,
    ).toBe(400);
  });

  it('imports past responses all-or-nothing, creating unknown customers and skipping stored ids', async () => {
    const s = await createSurvey(t, org);
    const id = '0b6f7c3a-7d1e-4a59-9d55-8f0f6c1b2a11';
    const batch = {
      responses: [
        {
          id,
          answers: { nps: 10, why_high: 'great pizza' },
          customerExternalId: 'imp-1',
          submittedAt: '2025-12-01T10:00:00+01:00',
          touchpoint: 'store',
        },
        { answers: { nps: 2 }, channel: 'api', locale: 'pl' },
      ],
    };
    const url = `/api/v1/surveys/${s.id}/responses/batch`;
    const res = await api('POST', url, batch);
    expect(res.json()).toEqual({ created: 2, skipped: 0 });
    expect((await api('POST', url, { responses: [batch.responses[0]] })).json()).toEqual({
      created: 0,
      skipped: 1,
    });
    const bad = await api('POST', url, {
      responses: [batch.responses[1], { answers: { nps: 11, nope: 1 } }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: any) => e.field)).toEqual(
      expect.arrayContaining(['body.responses.1.answers.nps', 'body.responses.1.answers.nope']),
    );
    const list = (await api('GET', `${url.replace('/batch', '')}?customerExternalId=imp-1`)).json();
    expect(list.items).toEqual([
      expect.objectContaining({
        id,
        channel: 'import',
        customerExternalId: 'imp-1',
        scores: { nps: 10 },
        touchpoint: 'store',
      }),
    ]);
    expect(new Date(list.items[0].submittedAt).toISOString()).toBe('2025-12-01T09:00:00.000Z');
    const profile = await api('GET', '/api/v1/customers/imp-1');
    expect(profile.statusCode).toBe(200);
    expect(profile.json().latestResponse).toMatchObject({ responseId: id, scores: { nps: 10 } });
  });

  it('emits response.created with scores and texts, and records an interaction event', async () => {
    const s = await createSurvey(t, org);
    const seen: any[] = [];
    t.ctx.bus.on('response.created', async (_tx, e) => {
      if (e.surveyId === s.id) seen.push(e);
    });
    await upsertCustomers(t, org, [{ externalId: 'evt-1' }]);
    await api('POST', `/api/v1/surveys/${s.id}/responses/batch`, {
      responses: [{ answers: { nps: 4, why_low: 'cold food' }, customerExternalId: 'evt-1' }],
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      scores: { nps: 4 },
      texts: ['cold food'],
      audience: 'customers',
      channel: 'import',
    });
    const rows = await t.ctx.db.queryOwner<{ type: string; data: any }>(
      `select e.type, e.data from events e join customers c on c.org_id = e.org_id and c.id = e.customer_id
        where c.external_id = 'evt-1' and e.org_id = $1`,
      [org.orgId],
    );
    expect(rows).toEqual([
      { type: 'survey_response', data: expect.objectContaining({ surveyId: s.id, nps: 4 }) },
    ]);
  });

  it('answers public JSON responses: validation, honeypot, nonce and CORS', async () => {
    const s = await createSurvey(t, org);
    const post = (payload: object, headers: Record<string, string> = {}) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/public/responses',
        payload,
        headers: { origin: 'https://shop.example', ...headers },
      });
    const invalid = await post({ surveyPublicId: s.publicId, answers: { nps: 'ten' } });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().errors[0].field).toBe('body.answers.nps');
    const missing = await post({ surveyPublicId: s.publicId, answers: { why_low: 'x' } });
    expect(missing.json().errors.map((e: any) => e.field)).toContain('body.answers.nps');
    expect((await post({ answers: { nps: 1 } })).json().errors[0].field).toBe('body.surveyPublicId');
    expect((await post({ surveyPublicId: 'nosuchsurvey', answers: { nps: 1 } })).statusCode).toBe(404);
    const bot = await post({ surveyPublicId: s.publicId, answers: { nps: 10 }, website: 'http://spam' });
    expect(bot.json()).toMatchObject({ status: 'discarded', id: null });
    const nonce = 'double-click-nonce-0001';
    const first = await post({ surveyPublicId: s.publicId, answers: { nps: 8 }, nonce });
    const again = await post({ surveyPublicId: s.publicId, answers: { nps: 8 }, nonce });
    expect(first.statusCode).toBe(201);
    expect(first.headers['access-control-allow-origin']).toBe('*');
    expect(first.headers['access-control-allow-credentials']).toBeUndefined();
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: first.json().id, duplicate: true });
    const concurrent = await Promise.all(
      Array.from({ length: 4 }, () =>
        post({ surveyPublicId: s.publicId, answers: { nps: 5 }, nonce: 'concurrent-nonce-00001' }),
      ),
    );
    expect(new Set(concurrent.map((r) => r.json().id)).size).toBe(1);
    const list = (await api('GET', `/api/v1/surveys/${s.id}/responses`)).json();
    expect(list.items).toHaveLength(2);
    const preflight = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/public/responses',
      headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('*');
    const huge = await post({ surveyPublicId: s.publicId, answers: { why_low: 'x'.repeat(100_000) } });
    expect(huge.statusCode).toBe(413);
    const draft = await createSurvey(t, org, { ...NPS_SURVEY, status: 'draft' });
    expect((await post({ surveyPublicId: draft.publicId, answers: { nps: 1 } })).statusCode).toBe(409);
  });

  it('limits public answers per address', async () => {
    const s = await createSurvey(t, org);
    const codes: number[] = [];
    for (let i = 0; i < 62; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/public/responses',
        remoteAddress: '10.9.8.7',
        payload: { surveyPublicId: s.publicId, answers: { nps: 7 } },
      });
      codes.push(res.statusCode);
    }
    expect(codes.filter((c) => c === 201)).toHaveLength(60);
    expect(codes.at(-1)).toBe(429);
  });

  it('counts submissions per survey atomically', async () => {
    const s = await createSurvey(t, org);
    const { countSubmission } = await import('../src/modules/surveys/data/repo-responses');
    const minute = new Date('2026-03-02T09:00:00Z');
    const counts = await Promise.all(
      Array.from({ length: 12 }, () =>
        t.ctx.db.withOrg(org.orgId, (tx) => countSubmission(tx, org.orgId, s.id, minute)),
      ),
    );
    expect(counts.sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });

  it('serves the respondent page without JavaScript: conditional step, partial save, thanks', async () => {
    const s = await createSurvey(t, org);
    const page = await t.app.inject({
      url: `/s/${s.publicId}?tp=counter-2`,
      headers: { 'accept-language': 'pl-PL,pl;q=0.9' },
    });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.body).toContain('<html lang="pl">');
    expect(page.body).toContain('<legend>Jak bardzo prawdopodobne jest');
    expect(page.body).not.toMatch(/<script>|\son\w+="/);
    const nonce = hiddenValue(page.body, 'nonce')!;
    expect(hiddenValue(page.body, 'presented')).toBe('nps');
    // the promoter's "why?" is asked in a second step when no script revealed it
    const step = await t.app.inject({
      method: 'POST',
      url: `/s/${s.publicId}`,
      headers: FORM_HEADERS,
      payload: form({
        nonce,
        presented: 'nps',
        lang: 'pl',
        tp: 'counter-2',
        action: 'submit',
        'q.nps': '10',
      }),
    });
    expect(step.statusCode).toBe(200);
    expect(step.body).toContain('Co podobało Ci się najbardziej?');
    expect(step.body).not.toContain('Co Cię rozczarowało?');
    const done = await t.app.inject({
      method: 'POST',
      url: `/s/${s.publicId}`,
      headers: FORM_HEADERS,
      payload: form({
        nonce,
        presented: 'why_high',
        lang: 'pl',
        action: 'submit',
        'q.why_high': '<b>Obsługa</b>',
      }),
    });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(`/s/${s.publicId}/thanks?lang=pl`);
    const thanks = await t.app.inject({ url: done.headers.location as string });
    expect(thanks.body).toContain('Dziękujemy!');
    // a double-clicked submit stores nothing twice
    const twice = await t.app.inject({
      method: 'POST',
      url: `/s/${s.publicId}`,
      headers: FORM_HEADERS,
      payload: form({ nonce, presented: 'why_high', lang: 'pl', action: 'submit', 'q.why_high': 'again' }),
    });
    expect(twice.statusCode).toBe(303);
    const list = (await api('GET', `/api/v1/surveys/${s.id}/responses`)).json();
    expect(list.items).toEqual([
      expect.objectContaining({
        status: 'complete',
        channel: 'link',
        touchpoint: 'counter-2',
        locale: 'pl',
        answers: { nps: 10, why_high: '<b>Obsługa</b>' },
      }),
    ]);

    // partial save, then come back later with the cookie and finish
    const fresh = await t.app.inject({ url: `/s/${s.publicId}?lang=cs&ch=qr` });
    const n2 = hiddenValue(fresh.body, 'nonce')!;
    const saved = await t.app.inject({
      method: 'POST',
      url: `/s/${s.publicId}`,
      headers: FORM_HEADERS,
      payload: form({ nonce: n2, presented: 'nps', lang: 'cs', ch: 'qr', action: 'save', 'q.nps': '3' }),
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.body, saved.body).toContain('Vaše odpovědi jsou uloženy');
    const cookie = saved.cookies.find((c) => c.name === `orientir_r_${s.publicId}`)!;
    expect(cookie.httpOnly).toBe(true);
    const back = await t.app.inject({
      url: `/s/${s.publicId}?lang=cs`,
      cookies: { [cookie.name]: cookie.value },
    });
    expect(back.body).toMatch(/value="3" checked/);
    expect(hiddenValue(back.body, 'nonce')).toBe(n2);
    const partial = (await api('GET', `/api/v1/surveys/${s.id}/responses?status=partial`)).json();
    expect(partial.items).toEqual([expect.objectContaining({ channel: 'qr', answers: { nps: 3 } })]);
    const finish = await t.app.inject({
      method: 'POST',
      url: `/s/${s.publicId}`,
      headers: FORM_HEADERS,
      payload: form({
        nonce: n2,
        presented: 'nps,why_low',
        lang: 'cs',
        action: 'submit',
        'q.nps': '3',
        'q.why_low': 'fronta',
      }),
    });
    expect(finish.statusCode).toBe(303);
    const all = (await api('GET', `/api/v1/surveys/${s.id}/responses?status=complete`)).json();
    expect(all.items).toHaveLength(2);

    // errors are named on the page, in the respondent's language
    const wrong = await t.app.inject({
      method: 'POST',
      url: `/s/${s.publicId}`,
      headers: FORM_HEADERS,
      payload: form({ nonce: 'another-nonce-abcdefgh', presented: 'nps', lang: 'ru', action: 'submit' }),
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('Пожалуйста, ответьте на этот вопрос.');
    expect(wrong.body).toContain('role="alert"');
    // the honeypot stores nothing
    const bot = await t.app.inject({
      method: 'POST',
      url: `/s/${s.publicId}`,
      headers: FORM_HEADERS,
      payload: form({
        nonce: 'bot-nonce-abcdefghijk',
        presented: 'nps',
        action: 'submit',
        'q.nps': '1',
        website: 'x',
      }),
    });
    expect(bot.statusCode).toBe(200);
    expect((await api('GET', `/api/v1/surveys/${s.id}/responses`)).json().items).toHaveLength(2);
  });

  it('renders the page in every locale, falling back to the default text, and 404s unknown ids', async () => {
    const s = await createSurvey(t, org, {
      ...NPS_SURVEY,
      questions: [NPS_SURVEY.questions[0], { id: 'c', type: 'csat', text: { en: 'Satisfied?' } }],
    });
    const expected: Record<string, [string, string]> = {
      en: ['How likely', 'Send'],
      pl: ['Jak bardzo', 'Wyślij'],
      cs: ['Jak pravděpodobné', 'Odeslat'],
      ru: ['Насколько вероятно', 'Отправить'],
    };
    for (const [lang, [question, button]] of Object.entries(expected)) {
      const res = await t.app.inject({ url: `/s/${s.publicId}?lang=${lang}` });
      expect(res.body).toContain(`<html lang="${lang}">`);
      expect(res.body).toContain(question);
      expect(res.body).toContain(button);
      expect(res.body).toContain('Satisfied?');
    }
    const missing = await t.app.inject({ url: '/s/nosuchsurvey', headers: { 'accept-language': 'cs' } });
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('Dotazník nenalezen');
    expect((await t.app.inject({ url: '/s/assets/survey.css' })).headers['content-type']).toMatch(
      /text\/css/,
    );
    expect((await t.app.inject({ url: '/s/assets/survey.js' })).statusCode).toBe(200);
  });

  it('gives personal links that answer once and expire', async () => {
    const s = await createSurvey(t, org);
    await upsertCustomers(t, org, [{ externalId: 'link-1', locale: 'ru', name: 'Ivan' }]);
    const link = await api('POST', `/api/v1/surveys/${s.id}/links`, {
      customerExternalId: 'link-1',
      expiresInDays: 2,
    });
    expect(link.statusCode).toBe(201);
    const { token, url } = link.json();
    expect(url).toContain(`/s/t/${token}`);
    const page = await t.app.inject({ url: `/s/t/${token}`, headers: { 'accept-language': 'en' } });
    expect(page.body).toContain('<html lang="ru">');
    const answer = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/responses',
      payload: { token, answers: { nps: 6 } },
    });
    expect(answer.statusCode).toBe(201);
    const second = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/responses',
      payload: { token, answers: { nps: 10 } },
    });
    expect(second.statusCode).toBe(409);
    const viaPage = await t.app.inject({
      method: 'POST',
      url: `/s/t/${token}`,
      headers: FORM_HEADERS,
      payload: form({ nonce: 'page-nonce-0123456789', presented: 'nps', action: 'submit', 'q.nps': '1' }),
    });
    expect(viaPage.statusCode).toBe(409);
    expect(viaPage.body).toContain('Вы уже ответили на этот опрос');
    const list = (await api('GET', `/api/v1/surveys/${s.id}/responses`)).json();
    expect(list.items).toEqual([
      expect.objectContaining({ customerExternalId: 'link-1', scores: { nps: 6 }, channel: 'link' }),
    ]);
    const forged = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    expect((await t.app.inject({ url: `/s/t/${forged}` })).statusCode).toBe(404);
    const other = await api('POST', `/api/v1/surveys/${s.id}/links`, {
      customerExternalId: 'link-1',
      expiresInDays: 1,
    });
    t.clock.advance(2 * 86_400_000);
    const expired = await t.app.inject({
      url: `/s/t/${other.json().token}`,
      headers: { 'accept-language': 'pl' },
    });
    expect(expired.statusCode).toBe(410);
    expect(expired.body).toContain('Link wygasł');
  });

  it('draws QR codes for a survey and touchpoint', async () => {
    const s = await createSurvey(t, org);
    const svg = await api('GET', `/api/v1/surveys/${s.id}/qr.svg?touchpoint=table-4`);
    expect(svg.statusCode).toBe(200);
    expect(svg.headers['content-type']).toMatch(/image\/svg\+xml/);
    expect(svg.body).toMatch(/^<svg/);
    const png = await api('GET', `/api/v1/surveys/${s.id}/qr.png?size=256`);
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    expect((await api('GET', '/api/v1/surveys/00000000-0000-4000-8000-000000000000/qr.svg')).statusCode).toBe(
      404,
    );
  });

  it('blanks free text and unlinks responses on erasure, and exports them', async () => {
    const s = await createSurvey(t, org);
    await api('POST', `/api/v1/surveys/${s.id}/responses/batch`, {
      responses: [{ answers: { nps: 2, why_low: 'my name is Jan Kowalski' }, customerExternalId: 'gdpr-1' }],
    });
    const exported = await api('GET', '/api/v1/customers/gdpr-1/export');
    expect(JSON.stringify(exported.json())).toContain('Jan Kowalski');
    expect((await api('DELETE', '/api/v1/customers/gdpr-1')).statusCode).toBeLessThan(300);
    const list = (await api('GET', `/api/v1/surveys/${s.id}/responses`)).json();
    expect(list.items).toEqual([
      expect.objectContaining({ customerExternalId: null, answers: { nps: 2 }, scores: { nps: 2 } }),
    ]);
  });
});
