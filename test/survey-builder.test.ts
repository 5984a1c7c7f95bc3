import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SURVEY_TEMPLATES, templateIn } from '../src/modules/surveys/domain/templates';
import { api } from './helpers/api';
import { createTestApp, type TestApp, type TestOrg } from './helpers/app';
import { ENGINES } from './helpers/db';
import { createSurvey, FORM_HEADERS, form, hiddenValue, upsertCustomers } from './surveys/helpers';

/** An SMTP server that refuses every address starting with "bounce" for good (550). */
async function startRefusingSmtp() {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('bounce'))
        return callback(Object.assign(new Error('no such mailbox'), { responseCode: 550 }));
      callback();
    },
    onData(stream, _session, callback) {
      stream.on('data', () => {});
      stream.on('end', () => callback());
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const POLISH_NPS = { ...templateIn(SURVEY_TEMPLATES[0], 'pl'), name: 'Wewnętrzna nazwa Q3' };

describe.each(ENGINES)('survey builder and public page on %s', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  let smtp: Awaited<ReturnType<typeof startRefusingSmtp>>;
  beforeAll(async () => {
    smtp = await startRefusingSmtp();
    t = await createTestApp(engine, { SMTP_URL: smtp.url, PUBLIC_URL: 'https://surveys.example' });
    org = await t.createOrg();
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('saves a survey written in Polish alone, whatever default locale is asked, and refuses mixed ones by field', async () => {
    const asEnglish = await api(t, org).ok('POST', '/api/v1/surveys', { ...POLISH_NPS, defaultLocale: 'en' });
    expect(asEnglish).toMatchObject({ defaultLocale: 'pl', texts: { title: { pl: 'Jak nam idzie?' } } });
    const unasked = await api(t, org).ok('POST', '/api/v1/surveys', {
      ...POLISH_NPS,
      defaultLocale: undefined,
    });
    expect(unasked.defaultLocale).toBe('pl');
    const all = await api(t, org).ok('POST', '/api/v1/surveys', {
      ...SURVEY_TEMPLATES[0],
      key: undefined,
      name: 'All four',
      defaultLocale: 'cs',
    });
    expect(all.defaultLocale).toBe('cs');

    const mixed = await api(t, org).post('/api/v1/surveys', {
      ...POLISH_NPS,
      questions: [...POLISH_NPS.questions, { id: 'extra', type: 'text', text: { en: 'Anything else?' } }],
    });
    expect(mixed.status).toBe(400);
    expect(mixed.body.errors).toEqual([
      { field: 'body.questions.5.text', message: expect.stringContaining('"pl"') },
    ]);
    // A change of texts alone re-decides the default locale too.
    const changed = await api(t, org).ok('PATCH', `/api/v1/surveys/${asEnglish.id}`, {
      questions: templateIn(SURVEY_TEMPLATES[0], 'ru').questions,
    });
    expect(changed.defaultLocale).toBe('ru');
  });

  it('checks branches on the server: an earlier question, within its scale, a band low to high', async () => {
    const [nps, detractor] = POLISH_NPS.questions;
    const refused = async (questions: object[], field: string) => {
      const res = await api(t, org).post('/api/v1/surveys', { ...POLISH_NPS, questions });
      expect(res.status, res.text).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
    };
    await refused([detractor, nps], 'body.questions.0.showIf.questionId');
    await refused(
      [nps, { ...detractor, showIf: { questionId: 'nps', op: 'lte', value: 11 } }],
      'body.questions.1.showIf.value',
    );
    await refused(
      [nps, { ...detractor, showIf: { questionId: 'nps', op: 'between', value: [8, 7] } }],
      'body.questions.1.showIf.value',
    );
    await refused(
      [nps, { ...detractor, showIf: { questionId: 'nps', op: 'between', value: 'x' } }],
      'body.questions.1.showIf.value',
    );
  });

  it('ignores answers to questions a branch hides, on the API as on the page', async () => {
    const s = await createSurvey(t, org, POLISH_NPS);
    const answer = (answers: object) =>
      api(t).ok('POST', '/api/v1/public/responses', { surveyPublicId: s.publicId, answers });
    const promoter = await answer({ nps: 10, detractor: 'hidden, so dropped', promoter: 'obsługa' });
    const detractor = await answer({ nps: 2, detractor: 'kolejka', passive: 'dropped too' });
    const list = await api(t, org).ok('GET', `/api/v1/surveys/${s.id}/responses`);
    const byId = new Map(list.items.map((r: { id: string; answers: object }) => [r.id, r.answers]));
    expect(byId.get(promoter.id)).toEqual({ nps: 10, promoter: 'obsługa' });
    expect(byId.get(detractor.id)).toEqual({ nps: 2, detractor: 'kolejka' });

    // The widget asks the follow-up of the score's band.
    const widget = await api(t).ok('GET', `/api/v1/public/widget/${s.publicId}`);
    expect(widget).toMatchObject({ show: true, locale: 'pl', comment: null });
    expect(
      widget.followUps.map((f: { id: string; min: number; max: number }) => [f.id, f.min, f.max]),
    ).toEqual([
      ['detractor', 0, 6],
      ['passive', 7, 8],
      ['promoter', 9, 10],
    ]);
  });

  it('shows the public title and thank-you text of the language, never the internal name, in the survey’s language', async () => {
    const s = await createSurvey(t, org, POLISH_NPS);
    const page = await t.app.inject({ url: `/s/${s.publicId}`, headers: { 'accept-language': 'en-GB' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<html lang="pl">');
    expect(page.body).toContain('<h1>Jak nam idzie?</h1>');
    expect(page.body).toContain('Wyślij');
    expect(page.body).not.toContain('Wewnętrzna nazwa');
    expect(page.body).not.toContain('class="langs"');

    const untitled = await createSurvey(t, org, { ...POLISH_NPS, texts: {} });
    const plain = await t.app.inject({ url: `/s/${untitled.publicId}` });
    expect(plain.body).toContain('<h1>Twoja opinia</h1>');
    expect(plain.body).not.toContain('Wewnętrzna nazwa');

    const thanks = await t.app.inject({ url: `/s/${s.publicId}/thanks?lang=pl` });
    expect(thanks.body).toContain(POLISH_NPS.texts.thanks.pl);
  });

  it('records contact consent of an anonymous detractor apart from the answers; export and erasure cover it', async () => {
    const s = await createSurvey(t, org, POLISH_NPS);
    const page = await t.app.inject({ url: `/s/${s.publicId}` });
    expect(page.body).toContain('name="q.contact.email"');
    const post = (fields: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: `/s/${s.publicId}`,
        headers: FORM_HEADERS,
        payload: form({
          nonce: hiddenValue(page.body, 'nonce')!,
          presented: 'nps,detractor,contact',
          action: 'submit',
          'q.nps': '3',
          'q.detractor': 'Długa kolejka',
          ...fields,
        }),
      });
    const noDetails = await post({ 'q.contact': 'yes', 'q.contact.email': '' });
    expect(noDetails.statusCode).toBe(400);
    expect(noDetails.body).toContain('id="q-contact-err"');
    const sent = await post({
      'q.contact': 'yes',
      'q.contact.email': 'Ewa@Example.PL',
      'q.contact.phone': '',
    });
    expect(sent.statusCode, sent.body).toBe(303);

    const [response] = (await api(t, org).ok('GET', `/api/v1/surveys/${s.id}/responses`)).items;
    expect(response).toMatchObject({ customerExternalId: null, answers: { nps: 3, contact: 'yes' } });
    expect(JSON.stringify(response)).not.toContain('ewa@example.pl');

    // Ewa becomes a customer later: her export holds the consent she gave anonymously; erasure removes it.
    await upsertCustomers(t, org, [{ externalId: 'ewa', email: 'ewa@example.pl' }]);
    const exported = await api(t, org).ok('GET', '/api/v1/customers/ewa/export');
    expect(exported.surveyResponses.contactConsents).toEqual([
      expect.objectContaining({ responseId: response.id, email: 'ewa@example.pl', phone: null }),
    ]);
    expect((await api(t, org).delete('/api/v1/customers/ewa')).status).toBeLessThan(300);
    await upsertCustomers(t, org, [{ externalId: 'ewa-again', email: 'ewa@example.pl' }]);
    const after = await api(t, org).ok('GET', '/api/v1/customers/ewa-again/export');
    expect(after.surveyResponses.contactConsents).toEqual([]);
  });

  it('lists invitations with their status: sent, opened, answered, bounced; says e-mail is configured', async () => {
    expect(await api(t, org).ok('GET', '/api/v1/survey-settings/delivery')).toEqual({
      emailConfigured: true,
    });
    await upsertCustomers(t, org, [
      { externalId: 'inv-open', email: 'open@example.com', consent: { email: true } },
      { externalId: 'inv-answer', email: 'answer@example.com', consent: { email: true } },
      { externalId: 'inv-bounce', email: 'bounce@example.com', consent: { email: true } },
      { externalId: 'inv-sent', email: 'sent@example.com', consent: { email: true } },
    ]);
    const s = await createSurvey(t, org, POLISH_NPS);
    const invited = await api(t, org).ok('POST', `/api/v1/surveys/${s.id}/invitations`, {
      customerExternalIds: ['inv-open', 'inv-answer', 'inv-bounce', 'inv-sent'],
    });
    expect(invited.queued).toBe(4);
    await t.ctx.jobs.runDue();
    const links = new Map<string, string>();
    for (const id of ['inv-open', 'inv-answer']) {
      const link = await api(t, org).ok('POST', `/api/v1/surveys/${s.id}/links`, { customerExternalId: id });
      links.set(id, new URL(link.url).pathname);
    }
    // A personal link made apart from the e-mail is an invitation of its own; open the e-mailed ones' twins.
    await t.app.inject({ url: links.get('inv-open')! });
    const answerPage = await t.app.inject({ url: links.get('inv-answer')! });
    await t.app.inject({
      method: 'POST',
      url: links.get('inv-answer')!,
      headers: FORM_HEADERS,
      payload: form({
        nonce: hiddenValue(answerPage.body, 'nonce')!,
        presented: 'nps,promoter',
        'q.nps': '10',
      }),
    });
    const first = await api(t, org).ok('GET', `/api/v1/surveys/${s.id}/invitations?limit=3`);
    expect(first.items).toHaveLength(3);
    const rest = await api(t, org).ok(
      'GET',
      `/api/v1/surveys/${s.id}/invitations?cursor=${first.nextCursor}`,
    );
    const all = [...first.items, ...rest.items];
    const statuses = all.map((i: { customerExternalId: string; channel: string; status: string }) =>
      [i.customerExternalId, i.channel, i.status].join(' '),
    );
    expect(statuses.sort()).toEqual(
      [
        'inv-answer email sent',
        'inv-answer link answered',
        'inv-bounce email bounced',
        'inv-open email sent',
        'inv-open link opened',
        'inv-sent email sent',
      ].sort(),
    );
    const times = all.map((i: { createdAt: string }) => i.createdAt);
    expect(times).toEqual([...times].sort().reverse());
    const other = await t.createOrg();
    expect((await api(t, other).get(`/api/v1/surveys/${s.id}/invitations`)).status).toBe(404);
  });
});
