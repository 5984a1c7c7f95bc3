import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailMessage } from '../../src/notify/mailer';
import { api } from '../helpers/api';
import { createTestApp, type TestApp, type TestOrg } from '../helpers/app';
import { ENGINES } from '../helpers/db';

describe.each(ENGINES)('recognition of staff from customer praise on %s', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  let surveyId: string;
  const staff: Record<string, string> = {};
  let answers = 0;
  let managerFeed: ReturnType<typeof api>;
  const mails: MailMessage[] = [];

  const answer = async (nps: number, comment: string, customer = `c${++answers}`) => {
    const res = await api(t, org).post(`/api/v1/surveys/${surveyId}/responses/batch`, {
      responses: [
        {
          answers: { nps, why: comment },
          customerExternalId: customer,
          submittedAt: t.ctx.clock.now().toISOString(),
        },
      ],
    });
    expect(res.status, res.text).toBeLessThan(300);
  };
  const feed = async (query: string, as = api(t, org)) =>
    (await as.ok('GET', `/api/v1/recognition?${query}`)).items as any[];

  beforeAll(async () => {
    t = await createTestApp(engine);
    t.ctx.mailer = {
      configured: true,
      send: async (m) => {
        mails.push(m);
        return { messageId: null };
      },
      close: () => {},
    };
    org = await t.createOrg();
    const a = api(t, org);
    const survey = await a.ok('POST', '/api/v1/surveys', {
      name: 'After the visit',
      audience: 'customers',
      defaultLocale: 'en',
      questions: [
        { id: 'nps', type: 'nps', text: { en: 'Would you recommend us?' } },
        { id: 'why', type: 'text', text: { en: 'Why?' } },
      ],
    });
    surveyId = survey.id;
    const password = 'manager-password-long-enough';
    const manager = await a.ok('POST', '/api/v1/users', {
      email: `m@${org.slug}.example`,
      name: 'Piotr',
      role: 'manager',
      password,
    });
    const loc = await a.ok('POST', '/api/v1/locations', { code: 'WAW', name: 'Warszawa' });
    await a.ok('POST', '/api/v1/employees/batch', {
      employees: [
        {
          externalId: 'boss',
          name: 'Piotr Nowak',
          email: 'piotr@cafe.example',
          locationCode: 'WAW',
          team: 'Floor',
        },
        {
          externalId: 'kasia',
          name: 'Katarzyna Wójcik',
          email: 'kasia@cafe.example',
          locationCode: 'WAW',
          team: 'Floor',
          managerExternalId: 'boss',
        },
        {
          externalId: 'anna-k',
          name: 'Anna Krawczyk',
          locationCode: 'WAW',
          team: 'Floor',
          managerExternalId: 'boss',
        },
        {
          externalId: 'anna-z',
          name: 'Anna Zielińska',
          locationCode: 'WAW',
          team: 'Floor',
          managerExternalId: 'boss',
        },
      ],
    });
    for (const e of (await a.ok('GET', '/api/v1/employees?limit=100')).items) staff[e.externalId] = e.id;
    await a.ok('PATCH', `/api/v1/employees/${staff.boss}`, { userId: manager.id });
    expect(loc.id).toBeTruthy();
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: `m@${org.slug}.example`, password },
      remoteAddress: '10.9.7.1',
    });
    const cookie = login.cookies.find((c) => c.name === 'orientir_session')!;
    managerFeed = api(t, {
      cookie: `orientir_session=${cookie.value}`,
      'x-csrf-token': login.json().csrfToken,
    });
  });
  afterAll(() => t?.close());

  it('routes a promoter naming one person to that person and their manager', async () => {
    await answer(10, 'Pani Kasia była przemiła, dziękuję!');
    const forKasia = await feed(`employeeId=${staff.kasia}`);
    expect(forKasia).toHaveLength(1);
    expect(forKasia[0]).toMatchObject({ status: 'confirmed', matchedBy: 'name', score: 10, metric: 'nps' });
    expect(forKasia[0].recipients).toEqual([
      expect.objectContaining({ id: staff.kasia, managerId: staff.boss }),
    ]);
    // The manager sees it in their own feed.
    const mine = await feed('mine=true', managerFeed);
    expect(mine.map((p) => p.id)).toContain(forKasia[0].id);
    // Both hear of it by e-mail, once, with the customer's words.
    await t.ctx.jobs.runDue();
    await t.ctx.jobs.runDue();
    expect(mails.map((m) => [m.to, m.subject.replace(/^.*: /, '')])).toEqual([
      ['kasia@cafe.example', 'a customer praised you'],
      ['piotr@cafe.example', 'a customer praised Katarzyna Wójcik'],
    ]);
    expect(mails.every((m) => m.text.includes('“Pani Kasia była przemiła, dziękuję!”'))).toBe(true);
    expect(mails[0]!.text).toMatch(/\/people\?tab=recognition$/);
    // Detractors and words-less promoters are not praise.
    await answer(3, 'Kasia forgot my order');
    expect(await feed(`employeeId=${staff.kasia}`)).toHaveLength(1);
  });

  it('holds praise naming no one, or several, for a manager to confirm or dismiss', async () => {
    await answer(9, 'Anna was wonderful');
    await answer(10, 'Great coffee as always');
    const pending = await feed('status=pending');
    expect(pending).toHaveLength(2);
    const several = pending.find((p) => p.comment === 'Anna was wonderful')!;
    expect(several.recipients.map((r: { id: string }) => r.id).sort()).toEqual(
      [staff['anna-k'], staff['anna-z']].sort(),
    );
    const confirmed = await managerFeed.ok('POST', `/api/v1/recognition/${several.id}/confirm`, {
      employeeIds: [staff['anna-z']],
    });
    expect(confirmed).toMatchObject({ status: 'confirmed', matchedBy: 'manager' });
    expect(confirmed.recipients.map((r: { id: string }) => r.id)).toEqual([staff['anna-z']]);
    const nobody = pending.find((p) => p.comment === 'Great coffee as always')!;
    expect((await managerFeed.post(`/api/v1/recognition/${nobody.id}/dismiss`)).status).toBe(200);
    expect(await feed('status=pending')).toHaveLength(0);
    // A decision is made once.
    expect((await managerFeed.post(`/api/v1/recognition/${nobody.id}/dismiss`)).status).toBe(409);
    // By team: the Floor team's feed has both confirmed praises.
    const team = (await api(t, org).ok('GET', '/api/v1/teams')).items[0];
    expect(await feed(`teamId=${team.id}&status=confirmed`)).toHaveLength(2);
  });

  it("thanks whoever resolved the customer's case for a 'yes, solved'", async () => {
    const agentUser = await api(t, org).ok('POST', '/api/v1/users', {
      email: `a@${org.slug}.example`,
      name: 'Agent',
      role: 'agent',
    });
    await api(t, org).ok('PATCH', `/api/v1/employees/${staff['anna-k']}`, { userId: agentUser.id });
    await t.ctx.db.withOrg(org.orgId, (tx) =>
      t.ctx.bus.emit(tx, 'case.follow_up_answered', {
        orgId: org.orgId,
        caseId: crypto.randomUUID(),
        customerId: null,
        answer: 'yes',
        ownerId: agentUser.id,
      }),
    );
    const forAnna = await feed(`employeeId=${staff['anna-k']}`);
    expect(forAnna).toEqual([
      expect.objectContaining({ source: 'follow_up', status: 'confirmed', matchedBy: 'case' }),
    ]);
  });

  it("keeps the customer's words in their export and drops them at erasure", async () => {
    await answer(10, 'Katarzyna made my day', 'fan');
    const exported = await api(t, org).ok('GET', '/api/v1/customers/fan/export');
    expect(JSON.stringify(exported.praise)).toContain('Katarzyna made my day');
    await api(t, org).ok('DELETE', '/api/v1/customers/fan');
    const left = await feed(`employeeId=${staff.kasia}`);
    expect(left.map((p) => p.comment)).not.toContain('Katarzyna made my day');
    expect(left).toHaveLength(2); // the thanks stay with her
  });

  it('refuses a confirmation naming someone of no organization', async () => {
    await answer(10, 'Nice place');
    const [waiting] = await feed('status=pending');
    const res = await managerFeed.post(`/api/v1/recognition/${waiting.id}/confirm`, {
      employeeIds: [crypto.randomUUID()],
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('body.employeeIds.0');
  });
});
