import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SURVEY_TEMPLATES, templateIn } from '../src/modules/surveys/domain/templates';
import { type LoopOrg, setUpLoopOrg } from './cases/helpers';
import { api } from './helpers/api';
import { createTestApp, type TestApp } from './helpers/app';
import { ENGINES } from './helpers/db';
import { createSurvey } from './surveys/helpers';
import { headerOf, startSmtp } from './surveys/smtp';

const POLISH_NPS = templateIn(SURVEY_TEMPLATES[0], 'pl');

describe.each(ENGINES)('replies to anonymous respondents who agreed to be contacted on %s', (engine) => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let loop: LoopOrg;
  let surveyPublicId: string;

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp(engine, { SMTP_URL: smtp.url, PUBLIC_URL: 'https://loop.example' });
    loop = await setUpLoopOrg(t, { timeZone: 'Europe/Warsaw' });
    surveyPublicId = (await createSurvey(t, loop.org, POLISH_NPS)).publicId;
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  /** An anonymous detractor's answer and the case the organization's rules opened for it. */
  async function detractorCase(contact: object) {
    const response = await api(t).ok('POST', '/api/v1/public/responses', {
      surveyPublicId,
      answers: { nps: 2, detractor: 'Długa kolejka', contact },
    });
    const { items } = await loop.api('GET', '/api/v1/cases?limit=100');
    const c = items.find((i: { responseId: string | null }) => i.responseId === response.id);
    expect(c, 'a case for the detractor').toBeDefined();
    return c as { id: string };
  }

  it('e-mails the reply to the contact left with the answer, in the answer’s language', async () => {
    const c = await detractorCase({ consent: true, email: 'Ewa@Example.PL' });
    const detail = await loop.api('GET', `/api/v1/cases/${c.id}`);
    expect(detail).toMatchObject({
      customer: null,
      replyBlocked: null,
      replyTo: { email: 'ewa@example.pl', locale: 'pl', via: 'contact' },
    });

    await loop.api('POST', `/api/v1/cases/${c.id}/notes`, {
      kind: 'reply',
      text: 'Przepraszamy za kolejkę.',
    });
    await t.ctx.jobs.runDue();
    const mails = smtp.to('ewa@example.pl');
    expect(mails).toHaveLength(1);
    expect(headerOf(mails[0], 'Subject')).toBe('W sprawie Twojej opinii');
    expect(mails[0].body).toContain('Przepraszamy za kolejkę.');
    const timeline = (await loop.api('GET', `/api/v1/cases/${c.id}`)).timeline;
    const sentReplies = timeline.filter(
      (e: { kind: string; data: { template?: string } }) =>
        e.kind === 'email_sent' && e.data.template === 'reply',
    );
    expect(sentReplies.map((e: { data: object }) => e.data)).toEqual([
      expect.objectContaining({ to: { kind: 'contact' } }),
    ]);
  });

  it('still refuses a reply when the respondent said no, or left only a phone', async () => {
    for (const contact of [{ consent: false }, { consent: true, phone: '+48 600 100 200' }]) {
      const c = await detractorCase(contact);
      expect(await loop.api('GET', `/api/v1/cases/${c.id}`)).toMatchObject({
        replyBlocked: 'no_customer',
        replyTo: null,
      });
      const refused = await api(t, loop.org).post(`/api/v1/cases/${c.id}/notes`, {
        kind: 'reply',
        text: 'Nikt tego nie przeczyta.',
      });
      expect(refused.status).toBe(422);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'body.kind' })]);
    }
  });
});
