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
import { headerOf, startSmtp } from './surveys/smtp';

const DAY = 86_400_000;

describe.each(ENGINES)('survey e-mail invitations over SMTP on %s', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp(engine, { SMTP_URL: smtp.url, PUBLIC_URL: 'https://surveys.example' });
    org = await t.createOrg();
    await upsertCustomers(t, org, [
      { externalId: 'anna', email: 'anna@example.com', name: 'Anna', locale: 'pl', consent: { email: true } },
      { externalId: 'no-consent', email: 'nc@example.com', consent: { email: false } },
      { externalId: 'no-email', name: 'Nobody' },
      { externalId: 'leaver', email: 'leaver@example.com', locale: 'cs' },
      { externalId: 'slow', email: 'slow@example.com', locale: 'en' },
      { externalId: 'buyer', email: 'buyer@example.com', locale: 'ru' },
      { externalId: 'caller', email: 'caller@example.com', locale: 'en' },
    ]);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  const api = (method: string, url: string, payload?: object) =>
    t.app.inject({ method: method as 'POST', url, headers: org.auth, payload });
  const invite = (surveyId: string, ids: string[]) =>
    api('POST', `/api/v1/surveys/${surveyId}/invitations`, { customerExternalIds: ids });
  const linkIn = (body: string) => /https:\/\/surveys\.example(\/s\/t\/[A-Za-z0-9_-]+)/.exec(body)?.[1];

  it('sends a localized invitation, whose link is answered and counted; consent is respected', async () => {
    const s = await createSurvey(t, org);
    const res = await invite(s.id, ['anna', 'no-consent', 'no-email', 'ghost']);
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ queued: 1, skipped: 3 });
    expect(res.json().results.map((r: any) => [r.customerExternalId, r.status, r.reason])).toEqual([
      ['anna', 'queued', undefined],
      ['no-consent', 'skipped', 'no_consent'],
      ['no-email', 'skipped', 'no_email'],
      ['ghost', 'skipped', 'unknown_customer'],
    ]);
    await t.ctx.jobs.runDue();
    const [mail] = smtp.to('anna@example.com');
    expect(mail).toBeDefined();
    expect(smtp.to('nc@example.com')).toEqual([]);
    expect(headerOf(mail, 'Subject')).toBe(`Org ${org.slug} prosi o Twoją opinię`);
    expect(headerOf(mail, 'List-Unsubscribe')).toMatch(
      /^<https:\/\/surveys\.example\/s\/u\/[A-Za-z0-9_-]+>$/,
    );
    expect(headerOf(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(mail.body).toContain('Dzień dobry, Anna,');
    const path = linkIn(mail.body)!;
    expect(path).toBeDefined();

    const page = await t.app.inject({ url: path });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<html lang="pl">');
    const answer = await t.app.inject({
      method: 'POST',
      url: path,
      headers: FORM_HEADERS,
      payload: form({
        nonce: hiddenValue(page.body, 'nonce')!,
        presented: 'nps,why_high',
        action: 'submit',
        'q.nps': '9',
        'q.why_high': 'Szybka dostawa',
      }),
    });
    expect(answer.statusCode).toBe(303);
    const responses = (await api('GET', `/api/v1/surveys/${s.id}/responses`)).json();
    expect(responses.items).toEqual([
      expect.objectContaining({
        channel: 'email',
        customerExternalId: 'anna',
        scores: { nps: 9 },
        locale: 'pl',
      }),
    ]);
    expect((await api('GET', `/api/v1/surveys/${s.id}`)).json().responseCount).toBe(1);
    const again = await t.app.inject({ url: path });
    expect(again.body).toContain('Ta ankieta została już przez Ciebie wypełniona');
  });

  it('refuses a second invitation within the contact window, on any survey', async () => {
    const other = await createSurvey(t, org, { ...NPS_SURVEY, name: 'Second survey' });
    const refused = await invite(other.id, ['anna']);
    expect(refused.json().results[0]).toMatchObject({ status: 'skipped', reason: 'frequency_cap' });
    t.clock.advance(31 * DAY);
    expect((await invite(other.id, ['anna'])).json().results[0]).toMatchObject({ status: 'queued' });
    expect((await invite(other.id, ['anna'])).json().results[0]).toMatchObject({ reason: 'frequency_cap' });
    const settings = await api('PATCH', '/api/v1/survey-settings', { contactCap: { maxContacts: 2 } });
    expect(settings.json()).toMatchObject({ contactCap: { maxContacts: 2, windowDays: 30 } });
    expect((await invite(other.id, ['anna'])).json().results[0]).toMatchObject({ status: 'queued' });
    await api('PATCH', '/api/v1/survey-settings', { contactCap: { maxContacts: 1 } });
    await t.ctx.jobs.runDue();
  });

  it('records an opt-out from the unsubscribe link and stops sending', async () => {
    const s = await createSurvey(t, org);
    await invite(s.id, ['leaver']);
    await t.ctx.jobs.runDue();
    const [mail] = smtp.to('leaver@example.com');
    const url = /<https:\/\/surveys\.example(\/s\/u\/[^>]+)>/.exec(headerOf(mail, 'List-Unsubscribe')!)![1];
    const confirm = await t.app.inject({ url });
    expect(confirm.body).toContain('Přestat dostávat pozvánky');
    const oneClick = await t.app.inject({
      method: 'POST',
      url,
      headers: FORM_HEADERS,
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.statusCode).toBe(200);
    expect(oneClick.body).toContain('Hotovo.');
    t.clock.advance(31 * DAY);
    expect((await invite(s.id, ['leaver'])).json().results[0]).toMatchObject({ reason: 'unsubscribed' });
    expect((await t.app.inject({ url: '/s/u/forged-token' })).statusCode).toBe(404);
  });

  it('reminds once after the delay, never the ones who answered', async () => {
    const s = await createSurvey(t, org);
    await invite(s.id, ['slow']);
    await t.ctx.jobs.runDue();
    expect(smtp.to('slow@example.com')).toHaveLength(1);
    t.clock.advance(24 * 3_600_000);
    await t.ctx.jobs.runDue();
    expect(smtp.to('slow@example.com')).toHaveLength(1);
    t.clock.advance(49 * 3_600_000);
    await t.ctx.jobs.runDue();
    const mails = smtp.to('slow@example.com');
    expect(mails).toHaveLength(2);
    expect(headerOf(mails[1], 'Subject')).toMatch(/^Reminder: /);
    expect(linkIn(mails[1].body)).toBe(linkIn(mails[0].body));
    t.clock.advance(10 * DAY);
    await t.ctx.jobs.runDue();
    expect(smtp.to('slow@example.com')).toHaveLength(2);
    expect(
      smtp.to('anna@example.com').filter((m) => /Przypomnienie/.test(headerOf(m, 'Subject') ?? '')),
    ).toEqual([]);
  });

  it('invites after a trigger event, once, after its delay', async () => {
    const s = await createSurvey(t, org, {
      ...NPS_SURVEY,
      name: 'After purchase',
      triggers: [{ eventType: 'purchase', delayMinutes: 2 * 24 * 60, channel: 'email' }],
    });
    expect((await api('GET', `/api/v1/surveys/${s.id}`)).json().triggers).toEqual([
      { eventType: 'purchase', delayMinutes: 2880, channel: 'email' },
    ]);
    const event = {
      id: 'order-1',
      type: 'purchase',
      customerExternalId: 'buyer',
      occurredAt: t.clock.now().toISOString(),
      amount: 2500,
      currency: 'EUR',
    };
    expect((await api('POST', '/api/v1/events/batch', { events: [event] })).statusCode).toBeLessThan(300);
    await api('POST', '/api/v1/events/batch', { events: [event] });
    await t.ctx.jobs.runDue();
    expect(smtp.to('buyer@example.com')).toHaveLength(0);
    t.clock.advance(2 * DAY + 60_000);
    await t.ctx.jobs.runDue();
    const mails = smtp.to('buyer@example.com');
    expect(mails).toHaveLength(1);
    expect(headerOf(mails[0], 'Subject')).toBe(`Org ${org.slug} просит вас поделиться мнением`);
  });

  it('invites right after a case is resolved', async () => {
    await createSurvey(t, org, {
      ...NPS_SURVEY,
      name: 'After support',
      triggers: [{ eventType: 'case.resolved', delayMinutes: 0, channel: 'email' }],
    });
    const { findCustomerByExternalId } = await import('../src/modules/customers/api');
    await t.ctx.db.withOrg(org.orgId, async (tx) => {
      const customer = await findCustomerByExternalId(tx, org.orgId, 'caller');
      await t.ctx.bus.emit(tx, 'case.resolved', {
        orgId: org.orgId,
        caseId: 'd1a1f0c2-3b4c-4d5e-8f90-a1b2c3d4e5f6',
        customerId: customer!.id,
        responseId: null,
      });
    });
    await t.ctx.jobs.runDue();
    expect(smtp.to('caller@example.com')).toHaveLength(1);
  });
});
