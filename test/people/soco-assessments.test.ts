import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../helpers/api';
import { createTestApp, type TestApp, type TestOrg } from '../helpers/app';
import { ENGINES } from '../helpers/db';

type Client = ReturnType<typeof api>;

/** Every item of the full form answered `co` (c01–c12) or `so` (s01–s12), then `overrides`. */
const fullAnswers = (co: number, so: number, overrides: Record<string, number> = {}) => {
  const out: Record<string, number> = {};
  for (let i = 1; i <= 12; i++) {
    out[`c${String(i).padStart(2, '0')}`] = co;
    out[`s${String(i).padStart(2, '0')}`] = so;
  }
  return { ...out, ...overrides };
};

describe.each(ENGINES)('SOCO assessments on %s', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  let admin: Client;
  let addresses = 0;
  const people: Record<string, { userId: string; as: Client; employeeId?: string }> = {};

  const login = async (name: string, role: string) => {
    const password = `${name}-password-long-enough`;
    const email = `${name}@${org.slug}.example`;
    const user = await admin.ok('POST', '/api/v1/users', { email, name, role, password });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password },
      remoteAddress: `10.7.0.${++addresses}`,
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'orientir_session')!;
    return {
      userId: user.id as string,
      as: api(t, { cookie: `orientir_session=${cookie.value}`, 'x-csrf-token': res.json().csrfToken }),
    };
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    org = await t.createOrg();
    admin = api(t, org);
    for (const [name, role] of [
      ['boss', 'manager'],
      ['lead', 'manager'],
      ['worker', 'agent'],
      ['peer', 'agent'],
      ['viewer', 'viewer'],
    ] as const) {
      people[name] = await login(name, role);
    }
    const team = await admin.ok('POST', '/api/v1/teams', { name: 'Bar' });
    // boss → lead → worker; peer also under lead: a colleague, not a manager.
    const add = async (name: string, managerId?: string) => {
      const e = await admin.ok('POST', '/api/v1/employees', {
        externalId: `E-${name}`,
        name: `${name[0].toUpperCase()}${name.slice(1)} Nowak`,
        teamId: team.id,
        userId: people[name].userId,
        ...(managerId ? { managerId } : {}),
      });
      people[name].employeeId = e.id;
      return e.id as string;
    };
    const boss = await add('boss');
    const lead = await add('lead', boss);
    await add('worker', lead);
    await add('peer', lead);
  });
  afterAll(() => t?.close());

  it('scores the full form with the selling-orientation items reversed, as worked by hand', async () => {
    // Customer-orientation answers: c01 9, c02 8, c03 6, c04–c12 7 → 9 + 8 + 6 + 9 × 7 = 86.
    // Selling-orientation answers: s01 1, s02 2, s03–s11 3, s12 9 (as given: 1 + 2 + 27 + 9 = 39, mean 3.25);
    // reversed (10 − answer): 9 + 8 + 9 × 7 + 1 = 81. Score: 86 + 81 = 167 (of 24–216), mean 167 / 24 = 6.96.
    // Empathy (c01 c02 c03 s01 s02 s03): 9 + 8 + 6 + 9 + 8 + 7 = 47 / 6 = 7.83.
    // Personalization and problem solving: all keyed 7 → 7. Openness to feedback (c10 c11 c12 s10 s11 s12):
    // 7 + 7 + 7 + 7 + 7 + 1 = 36 / 6 = 6.
    const answers = fullAnswers(7, 3, { c01: 9, c02: 8, c03: 6, s01: 1, s02: 2, s12: 9 });
    const res = await people.worker.as.post('/api/v1/soco/assessments', {
      employeeId: people.worker.employeeId,
      raterKind: 'self',
      form: 'full',
      answers,
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({
      raterKind: 'self',
      form: 'full',
      score: 167,
      min: 24,
      max: 216,
      mean: 6.96,
      customerOrientation: 7.17,
      sellingOrientation: 3.25,
      dimensions: { empathy: 7.83, personalization: 7, problem_solving: 7, feedback_openness: 6 },
    });
  });

  it('scores the short form on its own ten items', async () => {
    // Short form: c01 c03 c04 c07 c11 and s01 s05 s07 s08 s11.
    // CO: 9 + 6 + 7 + 7 + 7 = 36 (mean 7.2); SO as given 1 3 3 3 3 (mean 2.6), reversed 9 + 7 + 7 + 7 + 7 = 37.
    // Score 36 + 37 = 73 (of 10–90), mean 7.3. Empathy (c01 c03 s01): (9 + 6 + 9) / 3 = 8;
    // personalization (c04 s05): 7; problem solving (c07 s07 s08): 7; openness to feedback (c11 s11): 7.
    const answers = { c01: 9, c03: 6, c04: 7, c07: 7, c11: 7, s01: 1, s05: 3, s07: 3, s08: 3, s11: 3 };
    const res = await people.lead.as.post('/api/v1/soco/assessments', {
      employeeId: people.worker.employeeId,
      raterKind: 'manager',
      form: 'short',
      answers,
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({
      score: 73,
      min: 10,
      max: 90,
      mean: 7.3,
      customerOrientation: 7.2,
      sellingOrientation: 2.6,
      dimensions: { empathy: 8, personalization: 7, problem_solving: 7, feedback_openness: 7 },
    });
    // A full-form item is not one of the short form's.
    const extra = await people.lead.as.post('/api/v1/soco/assessments', {
      employeeId: people.worker.employeeId,
      raterKind: 'manager',
      form: 'short',
      answers: { ...answers, c02: 5 },
    });
    expect(extra.status).toBe(400);
    expect(extra.body.errors.map((e: { field: string }) => e.field)).toEqual(['body.answers.c02']);
  });

  it('names the field of a bad assessment and checks who rates as whom', async () => {
    const post = (as: Client, body: Record<string, unknown>) => as.post('/api/v1/soco/assessments', body);
    const base = { employeeId: people.worker.employeeId, raterKind: 'manager', form: 'full' };
    const { c05: _, ...missing } = fullAnswers(5, 5);
    const bad = await post(people.lead.as, { ...base, answers: { ...missing, s03: 10 } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'body.answers.c05',
      'body.answers.s03',
    ]);
    const half = await post(people.lead.as, { ...base, answers: fullAnswers(5, 4.5) });
    expect(half.status).toBe(400);
    expect(half.body.errors[0].field).toBe('body.answers.s01');
    const wrongForm = await post(people.lead.as, {
      ...base,
      form: 'customer',
      answers: { k1: 5, k2: 5, k3: 5, k4: 5 },
    });
    expect(wrongForm.status).toBe(400);
    expect(wrongForm.body.errors[0].field).toBe('body.form');
    const noOne = await post(admin, {
      ...base,
      employeeId: '00000000-0000-4000-8000-000000000000',
      answers: fullAnswers(5, 5),
    });
    expect(noOne.status).toBe(400);
    expect(noOne.body.errors[0].field).toBe('body.employeeId');

    // Self: only the person's own user. Manager: only up the chain (the boss too), or an admin.
    const selfForOther = await post(people.peer.as, {
      ...base,
      raterKind: 'self',
      answers: fullAnswers(5, 5),
    });
    expect(selfForOther.status).toBe(403);
    expect(selfForOther.body.errors[0].field).toBe('body.raterKind');
    expect((await post(people.peer.as, { ...base, answers: fullAnswers(5, 5) })).status).toBe(403);
    expect((await post(people.boss.as, { ...base, answers: fullAnswers(6, 4) })).status).toBe(201);
    expect((await post(admin, { ...base, answers: fullAnswers(6, 4) })).status).toBe(201);
  });

  it('shows a person’s results to them, their managers and admins; a peer and a viewer get 404', async () => {
    const url = `/api/v1/soco/employees/${people.worker.employeeId}/results`;
    for (const who of [people.worker.as, people.lead.as, people.boss.as, admin]) {
      const res = await who.get(url);
      expect(res.status, res.text).toBe(200);
      const self = res.body.byRater.find((r: { raterKind: string }) => r.raterKind === 'self');
      expect(self).toMatchObject({ assessments: 1, score: 167, mean: 6.96 });
      // Three by managers: the short form (7.3) and two full forms of 6 and 4 → keyed 6 → mean 6.
      const manager = res.body.byRater.find((r: { raterKind: string }) => r.raterKind === 'manager');
      expect(manager).toMatchObject({ assessments: 3, mean: 6.43, score: 144 });
      expect(res.body.byQuarter).toEqual([
        expect.objectContaining({ raterKind: 'manager', quarter: '2026-Q1', assessments: 3 }),
        expect.objectContaining({ raterKind: 'self', quarter: '2026-Q1', assessments: 1 }),
      ]);
    }
    for (const who of [people.peer.as, people.viewer.as]) {
      const res = await who.get(url);
      expect(res.status).toBe(404);
      expect(res.body.detail ?? res.body.title).not.toMatch(/permission|forbidden/i);
    }
    // A person who does not exist answers the same.
    expect(
      (await people.peer.as.get('/api/v1/soco/employees/00000000-0000-4000-8000-000000000000/results'))
        .status,
    ).toBe(404);
  });

  it('shows a team only aggregates of enough people', async () => {
    const teamId = (await admin.ok('GET', `/api/v1/employees/${people.worker.employeeId}`)).teamId;
    const before = await people.peer.as.get(`/api/v1/soco/teams/${teamId}/results`);
    expect(before.status).toBe(200);
    // Only the worker is assessed so far: one person, below the three a team aggregate needs.
    expect(before.body.byRater).toEqual([]);
    expect(before.body.hidden).toBeGreaterThan(0);
    for (const name of ['peer', 'lead'] as const) {
      await admin.ok('POST', '/api/v1/soco/assessments', {
        employeeId: people[name].employeeId,
        raterKind: 'manager',
        form: 'full',
        answers: fullAnswers(8, 2),
      });
    }
    const after = await people.peer.as.get(`/api/v1/soco/teams/${teamId}/results`);
    const manager = after.body.byRater.find((r: { raterKind: string }) => r.raterKind === 'manager');
    // Five manager assessments of three people: 7.3, 6, 6 (worker), 8 (peer), 8 (lead) → 35.3 / 5 = 7.06.
    expect(manager).toMatchObject({ people: 3, assessments: 5, mean: 7.06 });
    expect(JSON.stringify(after.body)).not.toContain(people.worker.employeeId!);
    // Self ratings come from one person only: hidden.
    expect(after.body.byRater.map((r: { raterKind: string }) => r.raterKind)).toEqual(['manager']);
  });

  it('gives a customer a link that rates once, in their language, and keeps it in their profile until erased', async () => {
    await admin.ok('POST', '/api/v1/customers/batch', {
      customers: [{ externalId: 'cust-soco', email: 'ola@example.com', name: 'Ola', locale: 'pl' }],
    });
    const bad = await admin.post('/api/v1/soco/customer-links', {
      employeeId: people.worker.employeeId,
      customerExternalId: 'nobody',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('body.customerExternalId');
    const link = await people.worker.as.ok('POST', '/api/v1/soco/customer-links', {
      employeeId: people.worker.employeeId,
      customerExternalId: 'cust-soco',
    });
    expect(link.url).toMatch(/\/rate\/[\w-]{43}\.[\w-]{22}$/);
    const path = `/rate/${link.token}`;

    const page = await api(t).get(path);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<html lang="pl">');
    expect(page.text).toContain('Obsługiwała Cię osoba: Worker.');
    expect(page.text).toContain('name="q.k4"');

    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const partial = await api(t).post(path, 'q.k1=9&q.k2=8', { headers: form });
    expect(partial.text).toContain('Odpowiedz, proszę, na każde stwierdzenie.');
    const sent = await api(t).post(path, 'q.k1=9&q.k2=8&q.k3=7&q.k4=6', { headers: form });
    expect(sent.status).toBe(200);
    expect(sent.text).toContain('Dziękujemy! Twoja odpowiedź');
    const again = await api(t).post(path, 'q.k1=1&q.k2=1&q.k3=1&q.k4=1', { headers: form });
    expect(again.text).toContain('ten link został już wykorzystany');
    expect((await api(t).get(path)).text).toContain('ten link został już wykorzystany');
    // One character of the signature changed (to a different one, whatever it was).
    const at = link.token.length - 5;
    const forged = `${link.token.slice(0, at)}${link.token[at] === 'A' ? 'B' : 'A'}${link.token.slice(at + 1)}`;
    expect(forged).not.toBe(link.token);
    expect((await api(t).get(`/rate/${forged}`)).status).toBe(404);

    const results = await admin.ok('GET', `/api/v1/soco/employees/${people.worker.employeeId}/results`);
    // One customer rating: 9, 8, 7, 6 → mean 7.5; empathy 9, personalization 8, …
    expect(results.byRater.find((r: { raterKind: string }) => r.raterKind === 'customer')).toMatchObject({
      assessments: 1,
      mean: 7.5,
      score: null,
      sellingOrientation: null,
      dimensions: { empathy: 9, personalization: 8, problem_solving: 7, feedback_openness: 6 },
    });

    const profile = await admin.ok('GET', '/api/v1/customers/cust-soco');
    expect(profile.serviceRatings).toEqual([
      expect.objectContaining({ employeeName: 'Worker Nowak', mean: 7.5 }),
    ]);
    const exported = await admin.ok('GET', '/api/v1/customers/cust-soco/export');
    expect(exported.serviceRatings[0].answers).toEqual({ k1: 9, k2: 8, k3: 7, k4: 6 });
    expect((await admin.delete('/api/v1/customers/cust-soco')).status).toBe(204);
    const left = await t.ctx.db.queryOwner<{ customer_id: string | null; mean: number }>(
      `select customer_id, mean from soco_assessments where org_id = $1 and rater_kind = 'customer'`,
      [org.orgId],
    );
    // The rating still counts for the person rated, without the customer.
    expect(left).toEqual([{ customer_id: null, mean: 7.5 }]);
  });
});
