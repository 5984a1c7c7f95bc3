import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainEvents } from '../src/events/bus';
import { type LoopOrg, setUpLoopOrg } from './cases/helpers';
import { createTestApp, type TestApp } from './helpers/app';
import { ENGINES } from './helpers/db';
import { createSurvey, FORM_HEADERS, form, upsertCustomers } from './surveys/helpers';
import { headerOf, startSmtp } from './surveys/smtp';

describe.each(ENGINES)('closing the loop with the customer on %s', (engine) => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let loop: LoopOrg;
  let caseId: string;
  const resolved: DomainEvents['case.resolved'][] = [];

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp(engine, { SMTP_URL: smtp.url, PUBLIC_URL: 'https://loop.example' });
    t.ctx.bus.on('case.resolved', async (_tx, p) => {
      resolved.push(p);
    });
    loop = await setUpLoopOrg(t, {
      timeZone: 'Europe/Warsaw',
      settings: { rootCauses: [{ key: 'late-delivery', name: 'Late delivery' }] },
    });
    await upsertCustomers(t, loop.org, [
      { externalId: 'anna', email: 'anna@example.com', name: 'Anna', locale: 'pl', consent: { email: true } },
    ]);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  const page = (token: string, query = '') => t.app.inject({ method: 'GET', url: `/c/${token}${query}` });
  const answer = (token: string, value: string) =>
    t.app.inject({
      method: 'POST',
      url: `/c/${token}`,
      headers: FORM_HEADERS,
      payload: form({ answer: value }),
    });
  const tokenIn = (body: string) => /https:\/\/loop\.example\/c\/([A-Za-z0-9_.-]+)/.exec(body)?.[1];

  it('opens a case from an imported detractor answer and e-mails the reply to the customer', async () => {
    const survey = await createSurvey(t, loop.org);
    await loop.api('POST', `/api/v1/surveys/${survey.id}/responses/batch`, {
      responses: [{ answers: { nps: 2, why_low: 'Pizza came cold' }, customerExternalId: 'anna' }],
    });
    const [c] = (await loop.api('GET', '/api/v1/cases')).items;
    expect(c).toMatchObject({
      title: 'Negative feedback: NPS 2',
      description: 'Pizza came cold',
      status: 'new',
    });
    caseId = c.id;
    const reply = await loop.api('POST', `/api/v1/cases/${caseId}/notes`, {
      kind: 'reply',
      text: 'Przepraszamy, następna pizza na nasz koszt.',
    });
    expect(reply.kind).toBe('reply');
    await t.ctx.jobs.runDue();
    const [mail] = smtp.to('anna@example.com');
    expect(headerOf(mail, 'Subject')).toBe('W sprawie Twojej opinii');
    expect(mail.body).toContain('Przepraszamy, następna pizza na nasz koszt.');
    expect((await loop.api('GET', `/api/v1/cases/${caseId}`)).firstRespondedAt).not.toBeNull();
  });

  it('asks "was it solved?" after resolution; "no" reopens the case', async () => {
    const bad = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/cases/${caseId}`,
      headers: loop.org.auth,
      payload: { status: 'resolved', rootCause: 'weather' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('body.rootCause');
    const done = await loop.api('PATCH', `/api/v1/cases/${caseId}`, {
      status: 'resolved',
      rootCause: 'late-delivery',
      outcome: 'Voucher sent',
    });
    expect(done).toMatchObject({ status: 'resolved', rootCause: 'late-delivery', outcome: 'Voucher sent' });
    expect(resolved).toEqual([expect.objectContaining({ caseId, orgId: loop.org.orgId })]);
    await t.ctx.jobs.runDue();
    const mail = smtp
      .to('anna@example.com')
      .find((m) => headerOf(m, 'Subject') === 'Czy Twój problem został rozwiązany?');
    expect(mail).toBeDefined();
    const token = tokenIn(mail!.body)!;
    expect(token).toBeDefined();

    const ask = await page(token);
    expect(ask.statusCode).toBe(200);
    expect(ask.headers['content-type']).toMatch(/text\/html/);
    expect(ask.body).toContain('<html lang="pl">');
    expect(ask.body).toContain('Tak, został rozwiązany');
    expect((await page(token, '?lang=cs')).body).toContain('Byl váš problém vyřešen?');
    expect((await page(token, '?lang=ru')).body).toContain('Ваша проблема решена?');
    expect((await page(token, '?lang=en')).body).toContain('Was your issue solved?');
    expect((await page(`${token.slice(0, -2)}00`)).statusCode).toBe(404);

    const no = await answer(token, 'no');
    expect(no.statusCode).toBe(200);
    expect(no.body).toContain('Ponownie otworzyliśmy Twoją sprawę');
    const reopened = await loop.api('GET', `/api/v1/cases/${caseId}`);
    expect(reopened).toMatchObject({ status: 'in_progress', cycle: 2, resolvedAt: null });
    expect(new Date(reopened.resolutionDueAt).getTime()).toBeGreaterThan(t.clock.now().getTime());
    expect(reopened.timeline.map((e: { kind: string }) => e.kind)).toEqual(
      expect.arrayContaining(['follow_up_answered', 'reopened']),
    );
    const again = await answer(token, 'yes');
    expect(again.body).toContain('Twoja odpowiedź została już zapisana');
    expect((await loop.api('GET', `/api/v1/cases/${caseId}`)).status).toBe('in_progress');
    const nonsense = await answer(token, 'maybe');
    expect(nonsense.statusCode).toBe(400);
  });

  it('closes the case when the customer confirms the second resolution', async () => {
    await loop.api('PATCH', `/api/v1/cases/${caseId}`, { status: 'resolved' });
    await t.ctx.jobs.runDue();
    const asks = smtp
      .to('anna@example.com')
      .filter((m) => headerOf(m, 'Subject') === 'Czy Twój problem został rozwiązany?');
    expect(asks).toHaveLength(2);
    const yes = await answer(tokenIn(asks[1].body)!, 'yes');
    expect(yes.body).toContain('Cieszymy się, że problem został rozwiązany');
    const c = await loop.api('GET', `/api/v1/cases/${caseId}`);
    expect(c.status).toBe('closed');
    expect(c.closedAt).not.toBeNull();
    expect(resolved).toHaveLength(2);
    // A link past its 30 days answers nothing.
    t.clock.advance(31 * 24 * 60 * 60 * 1000);
    expect((await page(tokenIn(asks[1].body)!)).statusCode).toBe(404);
  });
});
