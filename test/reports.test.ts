import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIGEST_JOB, DUE_JOB } from '../src/modules/reports/use-cases/send-digests';
import { api } from './helpers/api';
import { createTestApp, type TestApp, type TestOrg } from './helpers/app';
import { ENGINES } from './helpers/db';
import { createSurvey } from './surveys/helpers';
import { headerOf, startSmtp } from './surveys/smtp';

// The test clock starts on Monday 2026-03-02, 09:00 UTC (10:00 in Warsaw): the first weekly
// digest is due next Monday at 07:00 Warsaw time and covers the week of 2–8 March.
const SEND_AT = new Date('2026-03-09T06:00:00Z');
const MANAGER = 'kierownik@kompas.example';

describe.each(ENGINES)('scheduled reports on %s', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let manager: ReturnType<typeof api>;
  let subscriptionId: string;
  let managerId: string;
  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp(engine, { SMTP_URL: smtp.url, PUBLIC_URL: 'https://cx.example' });
    org = await t.createOrg();
    const as = api(t, org);
    await as.ok('PATCH', '/api/v1/settings/organization', {
      name: 'Kawiarnia Kompas',
      timeZone: 'Europe/Warsaw',
      defaultLocale: 'pl',
      baseCurrency: 'PLN',
    });
    const password = 'kierownik-kawiarni-2026';
    managerId = (
      await as.ok('POST', '/api/v1/users', { email: MANAGER, role: 'manager', locale: 'pl', password })
    ).id;
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: MANAGER, password },
    });
    const session = login.cookies.find((c) => c.name === 'orientir_session')!;
    manager = api(t, { cookie: `orientir_session=${session.value}`, 'x-csrf-token': login.json().csrfToken });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  /** The week's answers and purchases, entered on its last evening. */
  const enterTheWeek = async () => {
    const as = api(t, org);
    // A case opened on Wednesday that nobody answers is past its deadline by the next Monday.
    t.clock.set(new Date('2026-03-04T10:00:00Z'));
    await as.ok('POST', '/api/v1/cases', { title: 'Kolejka', priority: 'urgent' });
    t.clock.set(new Date('2026-03-08T20:00:00Z'));
    // The week's answers: two promoters, a passive and a detractor who writes about the wait.
    await as.ok('POST', '/api/v1/analytics/topics', {
      key: 'wait',
      name: { en: 'Waiting time', pl: 'Czas oczekiwania' },
      keywords: { pl: ['kolejk*', 'czeka*'] },
    });
    const survey = await createSurvey(t, org);
    await as.ok('POST', `/api/v1/surveys/${survey.id}/responses/batch`, {
      responses: [
        { answers: { nps: 10 }, customerExternalId: 'k-1', submittedAt: '2026-03-03T10:00:00Z' },
        { answers: { nps: 9 }, customerExternalId: 'k-2', submittedAt: '2026-03-04T10:00:00Z' },
        { answers: { nps: 8 }, customerExternalId: 'k-3', submittedAt: '2026-03-05T10:00:00Z' },
        {
          answers: { nps: 2, why_low: 'Bardzo długa kolejka, czekałem pół godziny' },
          customerExternalId: 'k-4',
          submittedAt: '2026-03-06T10:00:00Z',
          locale: 'pl',
        },
        // The week before: not in this digest.
        { answers: { nps: 0 }, customerExternalId: 'k-5', submittedAt: '2026-02-27T10:00:00Z' },
      ],
    });
    await as.ok('POST', '/api/v1/events/batch', {
      events: ['k-1', 'k-2'].map((c, i) => ({
        id: `buy-${c}`,
        type: 'purchase',
        customerExternalId: c,
        occurredAt: `2026-03-0${3 + i}T12:00:00Z`,
        amount: 1500,
        currency: 'PLN',
      })),
    });
    await t.ctx.jobs.runDue();
  };

  it('subscribes a manager to the weekly digest, once', async () => {
    const first = await manager.post('/api/v1/reports/subscriptions', { frequency: 'weekly' });
    expect(first.status).toBe(201);
    expect(first.body.nextSendAt).toBe(SEND_AT.toISOString());
    subscriptionId = first.body.id;
    const again = await manager.post('/api/v1/reports/subscriptions', { frequency: 'weekly' });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(subscriptionId);
    expect((await manager.get('/api/v1/reports/subscriptions')).body.items).toHaveLength(1);
    // An API key has no person to write to: it names one.
    const keyOnly = await api(t, org).post('/api/v1/reports/subscriptions', { frequency: 'monthly' });
    expect(keyOnly.status).toBe(400);
    expect(keyOnly.body.errors[0].field).toBe('body.userId');
  });

  it('sends nothing before the scheduled time, then one e-mail in Polish with the week’s figures', async () => {
    await enterTheWeek();
    t.clock.set(new Date(SEND_AT.getTime() - 60_000));
    await DUE_JOB.handle(t.ctx, {}, { id: 0, name: DUE_JOB.name, orgId: null, attempts: 1 });
    await t.ctx.jobs.runDue();
    expect(smtp.to(MANAGER)).toHaveLength(0);

    t.clock.set(SEND_AT);
    await DUE_JOB.handle(t.ctx, {}, { id: 0, name: DUE_JOB.name, orgId: null, attempts: 1 });
    await DUE_JOB.handle(t.ctx, {}, { id: 0, name: DUE_JOB.name, orgId: null, attempts: 1 });
    await t.ctx.jobs.runDue();
    const mails = smtp.to(MANAGER);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(headerOf(mail, 'Subject')).toBe('Raport tygodniowy – Kawiarnia Kompas: 2–8 mar 2026');
    expect(mail.body).toContain('Twój tygodniowy raport dla Kawiarnia Kompas za okres 2–8 mar 2026.');
    expect(mail.body).toMatch(/- NPS: \+25 \(od -\d+ do \+\d+\), 4 odpowiedzi/);
    expect(mail.body).toContain('- Czas oczekiwania: 1 krytyk');
    expect(mail.body).toContain('- 1 otwarta sprawa przekroczyła termin SLA.');
    expect(mail.body).toContain('- odwiedzający → kupujący: 2 klientów');
    expect(headerOf(mail, 'List-Unsubscribe')).toMatch(/^<https:\/\/cx\.example\/r\/[\w-]{64}>$/);
  });

  it('sends a period only once, however often its job runs', async () => {
    const payload = { subscriptionId, frequency: 'weekly' as const, period: '2026-03-02' };
    await DIGEST_JOB.handle(t.ctx, payload, { id: 0, name: DIGEST_JOB.name, orgId: org.orgId, attempts: 2 });
    await t.ctx.jobs.enqueue(DIGEST_JOB, { orgId: org.orgId, payload });
    await t.ctx.jobs.runDue();
    expect(smtp.to(MANAGER)).toHaveLength(1);
  });

  it('stops after the unsubscribe link, without logging in', async () => {
    const link = /<https:\/\/cx\.example(\/r\/[\w-]{64})>/.exec(
      headerOf(smtp.to(MANAGER)[0], 'List-Unsubscribe') ?? '',
    )?.[1];
    const page = await api(t).get(link ?? '');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Zrezygnować z tygodniowych raportów Kawiarnia Kompas?');
    const done = await t.app.inject({
      method: 'POST',
      url: link ?? '',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(done.statusCode).toBe(200);
    const left = await api(t, org).get(`/api/v1/reports/subscriptions?userId=${managerId}`);
    expect(left.body.items).toEqual([]);
    expect((await api(t).get(link ?? '')).status).toBe(404);

    t.clock.set(new Date('2026-03-16T06:00:00Z'));
    await DUE_JOB.handle(t.ctx, {}, { id: 0, name: DUE_JOB.name, orgId: null, attempts: 1 });
    await t.ctx.jobs.runDue();
    expect(smtp.to(MANAGER)).toHaveLength(1);
  });
});
