import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../helpers/api';
import { createTestApp, type TestApp, type TestOrg } from '../helpers/app';
import { ENGINES } from '../helpers/db';
import { createSurvey } from '../surveys/helpers';

type Figure =
  | { hidden: true }
  | { hidden: false; n: number; nps: { score: number | null }; csat: { score: number | null } };
type Cell = Figure & { ratedDepartmentId: string };
type Matrix = {
  anonymityThreshold: number;
  rows: { departmentId: string; name: string; total: Figure; cells: Cell[] }[];
  columns: {
    departmentId: string;
    name: string;
    total: Figure;
    trend: (Figure & { quarter: string })[];
    externalDetractors: { key: string; detractors: number }[];
  }[];
  comments: { raterDepartmentId: string; ratedDepartmentId: string; text: string }[];
};

const tokenOf = (url: string) => url.slice(url.lastIndexOf('/') + 1);

describe.each(ENGINES)('internal clients on %s', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  const dept: Record<string, string> = {};
  let links: { departmentName: string; url: string }[] = [];
  const linksOf = (name: string) => links.filter((l) => l.departmentName === name).map((l) => tokenOf(l.url));

  beforeAll(async () => {
    t = await createTestApp(engine);
    org = await t.createOrg();
    t.clock.set(new Date('2026-04-10T09:00:00Z'));
    const a = api(t, org);
    // Kitchen (7 people) and Office (6) and Floor (4) rate Delivery; Kitchen rates the Floor too.
    for (const name of ['Kitchen', 'Floor', 'Office', 'Delivery'])
      dept[name] = (await a.ok('POST', '/api/v1/departments', { name })).id;
    const sizes: Record<string, number> = { Kitchen: 7, Floor: 4, Office: 6, Delivery: 2 };
    await a.ok('POST', '/api/v1/employees/batch', {
      employees: Object.entries(sizes).flatMap(([name, n]) =>
        Array.from({ length: n }, (_, i) => ({
          externalId: `${name}-${i}`,
          name: `${name} person ${i}`,
          department: name,
        })),
      ),
    });
  });
  afterAll(() => t?.close());

  it('refuses a round with a pair of one department, naming the field', async () => {
    const res = await api(t, org).post('/api/v1/internal-clients/rounds', {
      name: 'Bad',
      pairs: [{ raterDepartmentId: dept.Kitchen, ratedDepartmentId: dept.Kitchen }],
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('body.pairs.0.ratedDepartmentId');
  });

  it('starts a round with one link per current employee of each rater department, for their managers to hand out', async () => {
    const res = await api(t, org).post('/api/v1/internal-clients/rounds', {
      name: 'Q2 2026',
      pairs: [
        { raterDepartmentId: dept.Kitchen, ratedDepartmentId: dept.Delivery },
        { raterDepartmentId: dept.Kitchen, ratedDepartmentId: dept.Floor },
        { raterDepartmentId: dept.Floor, ratedDepartmentId: dept.Delivery },
        { raterDepartmentId: dept.Office, ratedDepartmentId: dept.Delivery },
      ],
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body.links).toBe(17);
    expect(res.body.emailed).toBe(0);
    links = res.body.handOut;
    expect(links).toHaveLength(17);
    expect(linksOf('Kitchen')).toHaveLength(7);
    expect(linksOf('Delivery')).toHaveLength(0);
    const [row] = await t.ctx.db.queryOwner<{ n: number }>(
      'select count(*)::int as n from internal_links where org_id = $1 and token_hash = any($2)',
      [org.orgId, linksOf('Kitchen')],
    );
    expect(row!.n).toBe(0);
  });

  it('shows the answer page in the person’s language, answers once, and the stored answer holds no person', async () => {
    const token = linksOf('Office')[0]!;
    const page = await t.app.inject({
      method: 'GET',
      url: `/internal-clients/answer/${token}`,
      headers: { 'accept-language': 'pl-PL,pl;q=0.9' },
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<html lang="pl">');
    expect(page.body).toContain('Na ile prawdopodobne jest, że polecisz obsługę działu Delivery');
    expect(page.body).not.toContain('Kitchen');
    const body = new URLSearchParams({
      [`nps.${dept.Delivery}`]: '9',
      [`csat.${dept.Delivery}`]: '5',
      [`comment.${dept.Delivery}`]: 'Always on time',
    }).toString();
    const headers = { 'content-type': 'application/x-www-form-urlencoded' };
    const first = await t.app.inject({
      method: 'POST',
      url: `/internal-clients/answer/${token}?lang=cs`,
      headers,
      payload: body,
    });
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('Děkujeme');
    const again = await t.app.inject({
      method: 'POST',
      url: `/internal-clients/answer/${token}`,
      headers,
      payload: body,
    });
    expect(again.statusCode).toBe(410);
    const viaApi = await api(t).post(`/api/v1/public/internal-clients/${token}`, {
      ratings: [{ ratedDepartmentId: dept.Delivery, nps: 0, csat: 1 }],
    });
    expect(viaApi.status).toBe(409);

    const rows = await t.ctx.db.queryOwner<Record<string, unknown>>(
      'select * from internal_answers where org_id = $1',
      [org.orgId],
    );
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0]!).sort()).toEqual(
      [
        'answered_at',
        'comment',
        'csat',
        'id',
        'nps',
        'org_id',
        'rated_department_id',
        'rater_department_id',
        'round_id',
      ].sort(),
    );
    expect(rows[0]).toMatchObject({
      rater_department_id: dept.Office,
      rated_department_id: dept.Delivery,
      nps: 9,
      csat: 5,
    });
    const people = await t.ctx.db.queryOwner<{ id: string; name: string }>(
      'select id, name from employees where org_id = $1',
      [org.orgId],
    );
    const stored = JSON.stringify(rows[0]);
    for (const p of people) {
      expect(stored).not.toContain(p.id);
      expect(stored).not.toContain(p.name);
    }
    // A rating of a department the link does not rate is refused, naming it.
    const other = await api(t).post(`/api/v1/public/internal-clients/${linksOf('Office')[1]}`, {
      ratings: [{ ratedDepartmentId: dept.Floor, nps: 5, csat: 3 }],
    });
    expect(other.status).toBe(400);
    expect(other.body.errors[0].field).toBe('body.ratings.0.ratedDepartmentId');
  });

  it('computes each cell’s NPS and CSAT by hand, hides a cell of 4 so that no total gives it away', async () => {
    const answer = (token: string, ratings: object[]) =>
      api(t).post(`/api/v1/public/internal-clients/${token}`, { ratings });
    // Kitchen → Delivery: NPS 10,10,9,9,8,6,3 (4 promoters, 2 detractors of 7: +28.6);
    // CSAT 5,4,4,3,2,5,4 (5 of 7 satisfied: 71.4%).
    const kitchen = [
      [10, 5],
      [10, 4],
      [9, 4],
      [9, 3],
      [8, 2],
      [6, 5],
      [3, 4],
    ];
    for (const [i, token] of linksOf('Kitchen').entries()) {
      const [nps, csat] = kitchen[i]!;
      const res = await answer(token, [
        { ratedDepartmentId: dept.Delivery, nps, csat, comment: i === 0 ? 'Pallets block the door' : null },
        { ratedDepartmentId: dept.Floor, nps: 7, csat: 4 },
      ]);
      expect(res.status, res.text).toBe(201);
    }
    // The Floor's 4 people rate Delivery harshly; the Office's other 5 (one answered above) mildly.
    for (const token of linksOf('Floor'))
      await answer(token, [{ ratedDepartmentId: dept.Delivery, nps: 0, csat: 1, comment: 'Floor secret' }]);
    for (const token of linksOf('Office').slice(1))
      expect((await answer(token, [{ ratedDepartmentId: dept.Delivery, nps: 8, csat: 4 }])).status).toBe(201);

    const m = (await api(t, org).ok(
      'GET',
      '/api/v1/internal-clients/matrix?from=2026-01-01&to=2026-06-30',
    )) as Matrix;
    expect(m.anonymityThreshold).toBe(5);
    const row = (name: string) => m.rows.find((r) => r.departmentId === dept[name])!;
    const cell = (rater: string, rated: string) =>
      row(rater).cells.find((c) => c.ratedDepartmentId === dept[rated])!;

    const kd = cell('Kitchen', 'Delivery');
    expect(kd.hidden).toBe(false);
    if (kd.hidden) return;
    expect(kd.n).toBe(7);
    expect(kd.nps.score).toBeCloseTo((100 * (4 - 2)) / 7, 6);
    expect(kd.csat.score).toBeCloseTo((100 * 5) / 7, 6);
    const kf = cell('Kitchen', 'Floor');
    expect(kf).toMatchObject({ hidden: false, n: 7, nps: { score: 0 }, csat: { score: 100 } });

    // The Floor's 4 are hidden, and so is one more group of the Delivery column.
    expect(cell('Floor', 'Delivery')).toEqual({ ratedDepartmentId: dept.Delivery, hidden: true });
    expect(row('Floor').total).toEqual({ hidden: true });
    expect(cell('Office', 'Delivery').hidden).toBe(true);

    // The attacker: every row and column total minus its shown cells.
    const derived: number[] = [];
    const npsDerived: number[] = [];
    for (const r of m.rows) {
      if (r.total.hidden) continue;
      const shown = r.cells.filter((c) => !c.hidden) as Extract<Cell, { hidden: false }>[];
      derived.push(r.total.n - shown.reduce((s, c) => s + c.n, 0));
    }
    for (const col of m.columns) {
      if (col.total.hidden) continue;
      const shown = m.rows
        .map((r) => r.cells.find((c) => c.ratedDepartmentId === col.departmentId))
        .filter((c): c is Extract<Cell, { hidden: false }> => !!c && !c.hidden);
      const rest = col.total.n - shown.reduce((s, c) => s + c.n, 0);
      derived.push(rest);
      if (rest > 0) {
        const promoterShare =
          (col.total.nps.score! * col.total.n - shown.reduce((s, c) => s + c.nps.score! * c.n, 0)) / rest;
        npsDerived.push(promoterShare);
      }
      for (const q of col.trend) {
        if (q.hidden) continue;
        derived.push(col.total.n - q.n);
      }
    }
    for (const n of derived) expect(n === 0 || n >= 5, `derived ${n} answers`).toBe(true);
    // The Floor's NPS (−100) is not what the Delivery column minus its shown cells gives.
    expect(npsDerived.every((v) => Math.abs(v - -100) > 1)).toBe(true);
    // Its comment is not listed; the Kitchen's is.
    expect(m.comments.map((c) => c.text)).toEqual(['Pallets block the door']);
    // The whole Delivery column (7 + 4 + 6 = 17) and its quarter are shown.
    const delivery = m.columns.find((c) => c.departmentId === dept.Delivery)!;
    expect(delivery.total).toMatchObject({ hidden: false, n: 17 });
    expect(delivery.trend.find((q) => q.quarter === '2026-Q2')).toMatchObject({ hidden: false, n: 17 });
  });

  it('puts the topics of customers’ detractor answers beside the department that owns them', async () => {
    const a = api(t, org);
    await a.ok('POST', '/api/v1/analytics/topics', {
      key: 'delivery',
      name: { en: 'Delivery', pl: 'Dostawa' },
      keywords: { en: ['deliver*', 'late'] },
    });
    await a.ok('POST', '/api/v1/analytics/topics', {
      key: 'price',
      name: { en: 'Price' },
      keywords: { en: ['price*', 'expensive'] },
    });
    const patched = await a.ok('PATCH', `/api/v1/departments/${dept.Delivery}`, { topics: ['delivery'] });
    expect(patched.topics).toEqual(['delivery']);
    const bad = await a.patch(`/api/v1/departments/${dept.Delivery}`, { topics: ['Not A Key'] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toMatch(/^body\.topics/);
    const survey = await createSurvey(t, org);
    await a.ok('POST', `/api/v1/surveys/${survey.id}/responses/batch`, {
      responses: [
        {
          answers: { nps: 2, why_low: 'The delivery was late again' },
          customerExternalId: 'c1',
          submittedAt: '2026-04-05T10:00:00Z',
          locale: 'en',
        },
        {
          answers: { nps: 5, why_low: 'Delivered late, cold food' },
          customerExternalId: 'c2',
          submittedAt: '2026-04-06T10:00:00Z',
          locale: 'en',
        },
        {
          answers: { nps: 3, why_low: 'Too expensive' },
          customerExternalId: 'c3',
          submittedAt: '2026-04-06T11:00:00Z',
          locale: 'en',
        },
        {
          answers: { nps: 10, why_high: 'Fast delivery' },
          customerExternalId: 'c4',
          submittedAt: '2026-04-07T10:00:00Z',
          locale: 'en',
        },
      ],
    });
    await t.ctx.jobs.runDue();
    const m = (await a.ok('GET', '/api/v1/internal-clients/matrix?from=2026-01-01&to=2026-06-30')) as Matrix;
    const delivery = m.columns.find((c) => c.departmentId === dept.Delivery)!;
    expect(delivery.externalDetractors).toEqual([
      expect.objectContaining({ key: 'delivery', detractors: 2 }),
    ]);
    const floor = m.columns.find((c) => c.departmentId === dept.Floor)!;
    expect(floor.externalDetractors).toEqual([]);
  });
  it('keeps four people hidden after they answer a second round (8 answers, still 4 people)', async () => {
    t.clock.set(new Date('2026-05-10T09:00:00Z'));
    const round = await api(t, org).ok('POST', '/api/v1/internal-clients/rounds', {
      name: 'Q2 2026, again',
      pairs: [{ raterDepartmentId: dept.Floor, ratedDepartmentId: dept.Delivery }],
    });
    expect(round.links).toBe(4);
    for (const h of round.handOut as { url: string }[]) {
      const res = await api(t).post(`/api/v1/public/internal-clients/${tokenOf(h.url)}`, {
        ratings: [{ ratedDepartmentId: dept.Delivery, nps: 1, csat: 1 }],
      });
      expect(res.status).toBe(201);
    }
    const [stored] = await t.ctx.db.queryOwner<{ n: number }>(
      'select count(*)::int as n from internal_answers where org_id = $1 and rater_department_id = $2',
      [org.orgId, dept.Floor],
    );
    expect(stored!.n).toBe(8);
    const m = (await api(t, org).ok(
      'GET',
      '/api/v1/internal-clients/matrix?from=2026-01-01&to=2026-06-30',
    )) as Matrix;
    const floor = m.rows.find((r) => r.departmentId === dept.Floor)!;
    expect(floor.cells.find((c) => c.ratedDepartmentId === dept.Delivery)).toEqual({
      ratedDepartmentId: dept.Delivery,
      hidden: true,
    });
    expect(floor.total).toEqual({ hidden: true });
  });
});
