import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailMessage } from '../../src/notify/mailer';
import { api } from '../helpers/api';
import { createTestApp, type TestApp, type TestOrg } from '../helpers/app';
import { ENGINES } from '../helpers/db';

type Figure = { n: number; score: number | null };

/**
 * A company of three teams: Bar (6) and Kitchen (4, no e-mail addresses) in Operations at the
 * Warsaw café, Office (9) in Admin in Kraków. Everyone answers the pulse; Kitchen is the group of 4
 * whose eNPS and comments must never be recoverable.
 */
describe.each(ENGINES)('eNPS pulses on %s', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  let other: TestOrg;
  const mails: MailMessage[] = [];
  const ids: Record<string, string> = {};
  let survey: { id: string };
  let tokens: string[] = [];

  const tokenOf = (url: string) => url.slice(url.lastIndexOf('/pulse/') + 7).trim();

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
    other = await t.createOrg();
    const a = api(t, org);
    const loc = async (code: string, name: string) =>
      ((await a.ok('POST', '/api/v1/locations', { code, name })) as { id: string }).id;
    ids.waw = await loc('WAW', 'Warszawa');
    ids.krk = await loc('KRK', 'Kraków');
    ids.ops = ((await a.ok('POST', '/api/v1/departments', { name: 'Operations' })) as { id: string }).id;
    ids.admin = ((await a.ok('POST', '/api/v1/departments', { name: 'Admin' })) as { id: string }).id;
    const team = async (name: string, departmentId: string, locationId: string) =>
      ((await a.ok('POST', '/api/v1/teams', { name, departmentId, locationId })) as { id: string }).id;
    ids.bar = await team('Bar', ids.ops!, ids.waw!);
    ids.kitchen = await team('Kitchen', ids.ops!, ids.waw!);
    ids.office = await team('Office', ids.admin!, ids.krk!);
    ids.reception = await team('Reception', ids.admin!, ids.krk!);
    const people = [
      ...Array.from({ length: 6 }, (_, i) => ['bar', 'ops', 'waw', i, true] as const),
      ...Array.from({ length: 4 }, (_, i) => ['kitchen', 'ops', 'waw', i, false] as const),
      ...Array.from({ length: 9 }, (_, i) => ['office', 'admin', 'krk', i, true] as const),
      ...Array.from({ length: 3 }, (_, i) => ['reception', 'admin', 'krk', i, true] as const),
    ];
    await a.ok('POST', '/api/v1/employees/batch', {
      employees: people.map(([tm, dept, l, i, mail]) => ({
        externalId: `${tm}-${i}`,
        name: `${tm} person ${i}`,
        ...(mail && { email: `${tm}.${i}@cafe.example` }),
        team: tm[0]!.toUpperCase() + tm.slice(1),
        department: dept === 'ops' ? 'Operations' : 'Admin',
        locationCode: l === 'waw' ? 'WAW' : 'KRK',
      })),
    });
    // One who has left gets no link.
    await a.ok('POST', '/api/v1/employees', {
      externalId: 'gone',
      name: 'Gone',
      email: 'gone@cafe.example',
      teamId: ids.kitchen,
      leftOn: '2025-12-31',
    });
    survey = (await a.ok('POST', '/api/v1/surveys', {
      name: 'Pulse',
      audience: 'employees',
      defaultLocale: 'en',
      questions: [
        { id: 'enps', type: 'nps', text: { en: 'Would you recommend working here?' }, required: true },
        { id: 'why', type: 'text', text: { en: 'Why?' } },
        { id: 'tools', type: 'rating', scale: 5, text: { en: 'Tools' } },
        { id: 'shifts', type: 'rating', scale: 5, text: { en: 'Shifts' } },
      ],
    })) as { id: string };
  });
  afterAll(() => t?.close());

  it('refuses a threshold under 3, naming the field', async () => {
    const a = api(t, org);
    const org2 = await a.patch('/api/v1/settings/anonymity', { anonymityThreshold: 2 });
    expect(org2.status).toBe(400);
    expect(org2.body.errors[0].field).toBe('body.anonymityThreshold');
    const own = await a.patch(`/api/v1/surveys/${survey.id}/pulse-settings`, { anonymityThreshold: 2 });
    expect(own.status).toBe(400);
    expect(own.body.errors[0].field).toBe('body.anonymityThreshold');
    const ok = await a.ok('PATCH', `/api/v1/surveys/${survey.id}/pulse-settings`, { questionsPerRound: 1 });
    expect(ok).toMatchObject({
      locked: false,
      questionsPerRound: 1,
      breakdowns: ['team', 'department', 'location', 'month'],
    });
  });

  it('sends one personal link to every current employee: e-mailed, or listed to hand out', async () => {
    const a = api(t, org);
    const sent = (await a.ok('POST', `/api/v1/surveys/${survey.id}/pulses`, {})) as any;
    expect(sent).toMatchObject({ recipients: 22, emailed: 18, questionIds: ['enps', 'why'] });
    expect(sent.handOut.map((h: { employeeName: string }) => h.employeeName).sort()).toEqual(
      [0, 1, 2, 3].map((i) => `kitchen person ${i}`),
    );
    expect(mails.map((m) => m.to)).not.toContain('gone@cafe.example');
    const urls = [
      ...mails.map((m) => /https?:\/\/\S+\/pulse\/\S+/.exec(m.text)![0]),
      ...sent.handOut.map((h: { url: string }) => h.url),
    ];
    tokens = urls.map(tokenOf);
    expect(new Set(tokens).size).toBe(22);
    // Filters narrow the recipients; a foreign team is no filter of this organization.
    const kitchenOnly = (await a.ok('POST', `/api/v1/surveys/${survey.id}/pulses`, {
      teamId: ids.kitchen,
    })) as any;
    expect(kitchenOnly.recipients).toBe(4);
    const foreign = await api(t, other).post(`/api/v1/surveys/${survey.id}/pulses`, {});
    expect(foreign.status).toBe(404);
    const bad = await a.post(`/api/v1/surveys/${survey.id}/pulses`, { teamId: 'nope' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('body.teamId');
  });

  it('takes one answer per link and keeps no trace of who gave it', async () => {
    // Even a rule asking for cases from staff detractors opens none: a pulse answer is never read alone.
    await api(t, org).ok('POST', '/api/v1/case-rules', {
      name: 'Unhappy staff',
      trigger: 'response',
      conditions: { metric: 'nps', max: 6, audiences: ['employees'] },
      priority: 'high',
    });
    const scores: Record<string, number[]> = {
      bar: [10, 9, 9, 10, 8, 3],
      office: [7, 8, 9, 2, 10, 9, 9, 6, 10],
      reception: [5, 6, 9],
      kitchen: [0, 1, 2, 10],
    };
    const used: Record<string, number> = { bar: 0, office: 0, reception: 0, kitchen: 0 };
    // E-mails go to the people with an address; the kitchen's links are handed out.
    const order = mails.map((m) => m.to.split('.')[0]!).concat(['kitchen', 'kitchen', 'kitchen', 'kitchen']);
    expect(order.filter((x) => x === 'bar').length).toBe(6);
    for (const [i, token] of tokens.entries()) {
      const team = order[i]!;
      const score = scores[team]![used[team]!++]!;
      const res = await api(t).post(`/api/v1/public/pulses/${token}`, {
        answers: { enps: score, why: `${team}-secret-${used[team]}` },
      });
      expect(res.status).toBe(201);
    }
    const again = await api(t).post(`/api/v1/public/pulses/${tokens[0]}`, { answers: { enps: 10 } });
    expect(again.status).toBe(409);
    expect(again.body.errors?.[0]?.field ?? again.body.detail).toContain('params.token');
    const page = await t.app.inject({ method: 'GET', url: `/pulse/${tokens[0]}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('already been used');
    const form = await t.app.inject({
      method: 'POST',
      url: `/pulse/${tokens[1]}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'enps=10',
    });
    expect(form.statusCode).toBe(409);
    const unknown = await api(t).post(`/api/v1/public/pulses/${'0'.repeat(60)}`, { answers: { enps: 1 } });
    expect(unknown.status).toBe(404);

    // Read the tables: the answers hold no person, the links no answer.
    const rows = await t.ctx.db.asSystem(async (tx) => {
      const q = (s: string) => tx.execute(s as never) as Promise<{ rows: Record<string, unknown>[] }>;
      return {
        responses: (await q(`select * from survey_responses where survey_id = '${survey.id}'`)).rows,
        facts: (await q(`select * from feedback_facts where survey_id = '${survey.id}'`)).rows,
        answers: (await q(`select * from feedback_answers where survey_id = '${survey.id}'`)).rows,
        links: (await q(`select * from pulse_links where org_id = '${org.orgId}'`)).rows,
        employeeIds: (await q(`select id, email from employees where org_id = '${org.orgId}'`)).rows,
        cases: (await q(`select id from cases where org_id = '${org.orgId}'`)).rows,
      };
    });
    expect(rows.responses).toHaveLength(22);
    expect(rows.facts).toHaveLength(22);
    const people = rows.employeeIds
      .flatMap((e) => [String(e.id), String(e.email)])
      .filter((v) => v !== 'null');
    const dump = JSON.stringify([rows.responses, rows.facts, rows.answers]);
    for (const p of people) expect(dump).not.toContain(p);
    for (const r of rows.responses)
      expect(r).toMatchObject({ customer_id: null, invitation_id: null, nonce: null });
    expect(new Set(rows.facts.map((f) => f.team))).toEqual(
      new Set([ids.bar, ids.kitchen, ids.office, ids.reception]),
    );
    expect(rows.facts.filter((f) => f.team === ids.kitchen).map((f) => [f.department, f.location])).toEqual(
      Array(4).fill([ids.ops, ids.waw]),
    );
    // The links know where, never who, and that they were used — not which answer they gave.
    expect(Object.keys(rows.links[0]!).sort()).toEqual(
      ['department_id', 'id', 'location_id', 'org_id', 'round_id', 'team_id', 'token_hash', 'used'].sort(),
    );
    expect(rows.links.filter((l) => l.used)).toHaveLength(22);
    expect(rows.cases).toEqual([]);
  });

  it('locks the anonymity settings once the survey has an answer', async () => {
    const a = api(t, org);
    const threshold = await a.patch(`/api/v1/surveys/${survey.id}/pulse-settings`, { anonymityThreshold: 3 });
    expect(threshold.status).toBe(409);
    expect(threshold.body.detail).toContain('body.anonymityThreshold');
    const breakdowns = await a.patch(`/api/v1/surveys/${survey.id}/pulse-settings`, { breakdowns: ['team'] });
    expect(breakdowns.status).toBe(409);
    expect(breakdowns.body.detail).toContain('body.breakdowns');
    const org3 = await a.patch('/api/v1/settings/anonymity', { anonymityThreshold: 2 });
    expect(org3.status).toBe(400);
    // The schedule is no anonymity setting: it may change.
    const schedule = (await a.ok('PATCH', `/api/v1/surveys/${survey.id}/pulse-settings`, {
      everyWeeks: 2,
    })) as any;
    expect(schedule).toMatchObject({ locked: true, everyWeeks: 2, anonymityThreshold: null });
  });

  it('never lets an attacker recover the group of 4, by any route or any subtraction', async () => {
    const a = api(t, org);
    const report = (await a.ok('GET', `/api/v1/surveys/${survey.id}/enps`)) as any;
    expect(report.suppressed).toBe(false);
    expect(report.total.n).toBe(22);
    expect(report.total.ci95).toHaveLength(2);
    const shown = (rows: any[]) => new Map(rows.filter((r) => !r.hidden).map((r) => [r.key, r as Figure]));
    const teams = shown(report.groups.team);
    const depts = shown(report.groups.department);
    const locs = shown(report.groups.location);
    const months = shown(report.trend.map((r: any) => ({ ...r, key: r.month })));
    expect(report.groups.team.find((r: any) => r.key === ids.kitchen)).toEqual({
      key: ids.kitchen,
      name: 'Kitchen',
      hidden: true,
    });
    // Every figure the attacker sees, with what it contains: a team lies in its department and location.
    const figures: { name: string; n: number; has: string[] }[] = [
      { name: 'total', n: report.total.n, has: ['bar', 'kitchen', 'office', 'reception'] },
    ];
    const add = (map: Map<string, Figure>, key: string, name: string, has: string[]) => {
      const f = map.get(key);
      if (f) figures.push({ name, n: f.n, has });
    };
    add(teams, ids.bar!, 'bar', ['bar']);
    add(teams, ids.office!, 'office', ['office']);
    add(teams, ids.reception!, 'reception', ['reception']);
    add(depts, ids.ops!, 'ops', ['bar', 'kitchen']);
    add(depts, ids.admin!, 'admin', ['office', 'reception']);
    add(locs, ids.waw!, 'waw', ['bar', 'kitchen']);
    add(locs, ids.krk!, 'krk', ['office', 'reception']);
    for (const [, m] of months)
      figures.push({ name: 'month', n: m.n, has: ['bar', 'kitchen', 'office', 'reception'] });
    // The generic analytics, every breakdown and filter an analyst could try.
    const generic: string[] = [];
    for (const groupBy of ['team', 'location', 'month', 'survey', 'audience', 'channel']) {
      for (const audience of ['', '&audience=employees']) {
        generic.push(`/api/v1/metrics/nps?groupBy=${groupBy}${audience}`);
        generic.push(`/api/v1/metrics/nps?groupBy=${groupBy}${audience}&surveyId=${survey.id}`);
      }
    }
    for (const f of [`team=${ids.bar}`, `team=${ids.kitchen}`, `location=${ids.waw}`, 'from=2026-01-01']) {
      generic.push(
        `/api/v1/metrics/nps?audience=employees&${f}`,
        `/api/v1/metrics/nps?surveyId=${survey.id}&${f}`,
      );
    }
    generic.push(`/api/v1/metrics/nps?audience=employees`, `/api/v1/metrics/nps?surveyId=${survey.id}`);
    for (const url of generic) {
      const res = await a.get(url);
      expect(res.status, url).toBe(200);
      const body = res.body;
      if (body.suppressed) continue;
      // Only the whole survey may show: all-time, unbroken, the same 19 the report shows.
      if (body.n > 0) {
        expect(body.groups, url).toEqual([]);
        expect(body.n, url).toBe(22);
      }
    }
    for (const url of [
      `/api/v1/metrics/nps?audience=employees&groupBy=team&format=csv`,
      `/api/v1/analytics/drivers?by=team&audience=employees`,
      `/api/v1/analytics/drivers?by=location&surveyId=${survey.id}`,
      `/api/v1/analytics/drivers?by=team`,
    ]) {
      const res = await a.get(url);
      expect(res.status, url).toBe(200);
      expect(res.text, url).not.toContain(ids.kitchen);
      expect(res.text, url).not.toContain(ids.bar);
    }
    // Reception (3) and Kitchen (4) hidden together reach 7: a flat suppression of teams would show
    // Bar, and Operations − Bar would be the Kitchen. The attacker subtracts every figure from every
    // other that contains it.
    for (const outer of figures) {
      for (const inner of figures) {
        if (outer === inner || !inner.has.every((x) => outer.has.includes(x))) continue;
        const rest = outer.n - inner.n;
        expect(rest === 0 || rest >= 5, `${outer.name} − ${inner.name} = ${rest}`).toBe(true);
      }
      expect(outer.n >= 5, outer.name).toBe(true);
    }
    // Comments: only of groups at or above the threshold.
    // With every team withheld, comments are labelled by department, each of at least 5 answers.
    expect(report.comments.length).toBe(22);
    const departments = new Map(report.groups.department.map((r: any) => [r.key, r]));
    for (const c of report.comments) {
      expect(c.by).toBe('department');
      expect(departments.get(c.key)).toMatchObject({ hidden: false, n: expect.any(Number) });
      expect((departments.get(c.key) as Figure).n).toBeGreaterThanOrEqual(5);
    }
    const ofKitchen = report.comments.filter((c: { text: string }) => c.text.startsWith('kitchen-secret'));
    expect(ofKitchen.map((c: { name: string }) => c.name)).toEqual([
      'Operations',
      'Operations',
      'Operations',
      'Operations',
    ]);
    for (const url of [
      `/api/v1/surveys/${survey.id}/responses`,
      `/api/v1/surveys/${survey.id}/responses/export`,
    ]) {
      const res = await a.get(url);
      expect(res.status, url).toBe(409);
      expect(res.text).not.toContain('kitchen-secret');
    }
    const inbox = await a.get('/api/v1/responses?limit=100');
    expect(inbox.status).toBe(200);
    expect(inbox.text).not.toContain('secret');
    // Another organization sees nothing of it.
    expect((await api(t, other).get(`/api/v1/surveys/${survey.id}/enps`)).status).toBe(404);
  });

  it('repeats a pulse on its schedule, rotating the questions', async () => {
    const a = api(t, org);
    const before = (await a.ok('GET', `/api/v1/surveys/${survey.id}/pulses`)) as any;
    expect(before.items).toHaveLength(2);
    expect(before.items.map((r: any) => r.answered).sort((x: number, y: number) => x - y)).toEqual([0, 22]);
    t.clock.advance(15 * 24 * 3600 * 1000);
    // The hourly check finds the pulse due and sends its next round.
    for (let i = 0; i < 4; i++) await t.ctx.jobs.runDue();
    const after = (await a.ok('GET', `/api/v1/surveys/${survey.id}/pulses`)) as any;
    expect(after.items).toHaveLength(3);
    // Round 3 (the third sending) asks eNPS and the next question in turn.
    expect(after.items[0].questionIds).toEqual(['enps', 'shifts']);
  });

  it('shows a pulse form sent back with its problems on the fields, in the survey’s language, answers kept', async () => {
    const a = api(t, org);
    const polish = (await a.ok('POST', '/api/v1/surveys', {
      name: 'Puls',
      audience: 'employees',
      defaultLocale: 'pl',
      questions: [
        { id: 'enps', type: 'nps', text: { pl: 'Czy poleciłbyś pracę u nas?' }, required: true },
        { id: 'why', type: 'text', text: { pl: 'Dlaczego?' } },
      ],
    })) as { id: string };
    const before = mails.length;
    await a.ok('POST', `/api/v1/surveys/${polish.id}/pulses`, { teamId: ids.reception });
    const url = /https?:\/\/\S+\/pulse\/\S+/.exec(mails[before]!.text)![0];
    const post = (payload: string) =>
      t.app.inject({
        method: 'POST',
        url: `/pulse/${tokenOf(url)}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload,
      });
    const missing = await post(`why=${encodeURIComponent('Za mało ludzi <b>na zmianie</b>')}`);
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('1 pytanie wymaga uwagi.');
    expect(missing.body).toContain('Odpowiedz na to pytanie.');
    expect(missing.body).not.toMatch(/is required|body\.answers/);
    // What was written comes back, as text.
    expect(missing.body).toContain('Za mało ludzi &lt;b&gt;na zmianie&lt;/b&gt;</textarea>');
    const invalid = await post('enps=11&why=x');
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain('Ta odpowiedź jest nieprawidłowa.');
    // The link still answers once the form is right.
    const done = await post('enps=7&why=ok');
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('Dziękujemy');
  });
});
