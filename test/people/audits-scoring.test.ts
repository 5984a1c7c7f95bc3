import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../helpers/api';
import { createTestApp, type TestApp, type TestOrg } from '../helpers/app';
import { ENGINES } from '../helpers/db';

const ITEMS = [
  {
    id: 'greet',
    component: 'ethical',
    text: { en: 'Greeted within a minute', pl: 'Powitanie w minutę' },
    weight: 3,
  },
  { id: 'smile', component: 'ethical', text: { en: 'Smiled' }, weight: 1 },
  { id: 'clean', component: 'aesthetic', text: { en: 'Tables clean' }, weight: 2 },
  { id: 'menu', component: 'aesthetic', text: { en: 'Menu board lit' }, weight: 1 },
  { id: 'stock', component: 'service', text: { en: 'Full menu available' }, weight: 4, critical: true },
  { id: 'wifi', component: 'service', text: { en: 'Wi-Fi works' }, weight: 2 },
];

describe.each(ENGINES)('service audits: scores and corrective cases on %s', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  let locationId: string;
  let managerId: string;
  let teamId: string;
  let checklistId: string;
  beforeAll(async () => {
    t = await createTestApp(engine);
    org = await t.createOrg();
    const a = api(t, org);
    locationId = ((await a.ok('POST', '/api/v1/locations', { code: 'KRK-1', name: 'Kraków Rynek' })) as any)
      .id;
    managerId = (
      (await a.ok('POST', '/api/v1/users', {
        email: 'boss@krk.example',
        role: 'manager',
        name: 'Ola',
      })) as any
    ).id;
    teamId = ((await a.ok('POST', '/api/v1/teams', { name: 'Rynek floor', locationId, managerId })) as any)
      .id;
    checklistId = (
      (await a.ok('POST', '/api/v1/audit-checklists', {
        name: 'Café standard',
        locationId,
        items: ITEMS,
        dueDays: 5,
      })) as any
    ).id;
  });
  afterAll(() => t?.close());

  const plan = async () =>
    ((await api(t, org).ok('POST', '/api/v1/audits', { checklistId })) as any).id as string;
  const answers = (results: Record<string, string>) =>
    Object.entries(results).map(([itemId, result]) => ({ itemId, result }));

  it('scores a visit by weight over the applicable items, per component and over all', async () => {
    const a = api(t, org);
    const id = await plan();
    const res = await a.post(`/api/v1/audits/${id}/submit`, {
      answers: answers({
        greet: 'pass',
        smile: 'fail',
        clean: 'fail',
        menu: 'na',
        stock: 'pass',
        wifi: 'pass',
      }),
    });
    expect(res.status, res.text).toBe(200);
    // ethical 3 of 4; aesthetic 0 of 2 (the menu does not apply); service 6 of 6; all: 9 of 12.
    expect(res.body).toMatchObject({
      status: 'done',
      score: 75,
      componentScores: { ethical: 75, aesthetic: 0, service: 100 },
      failed: false,
      caseId: null,
    });
    // Reported once.
    const again = await a.post(`/api/v1/audits/${id}/submit`, { answers: answers({ greet: 'pass' }) });
    expect(again.status).toBe(409);
  });

  it('refuses answers that leave items out or name items the visit does not have', async () => {
    const a = api(t, org);
    const id = await plan();
    const partial = await a.post(`/api/v1/audits/${id}/submit`, { answers: answers({ greet: 'pass' }) });
    expect(partial.status).toBe(400);
    expect(partial.body.errors[0].field).toBe('body.answers');
    const unknown = await a.post(`/api/v1/audits/${id}/submit`, {
      answers: answers({ greet: 'pass', nope: 'fail' }),
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].field).toBe('body.answers.1.itemId');
    expect(((await a.ok('GET', `/api/v1/audits/${id}`)) as any).status).toBe('scheduled');
  });

  it('fails a visit with a failed critical item and opens one corrective case for the location manager', async () => {
    const a = api(t, org);
    const id = await plan();
    const told: unknown[] = [];
    t.ctx.bus.on('audit.completed', async (_tx, payload) => {
      if (payload.visitId === id) told.push(payload);
    });
    const all = answers({
      greet: 'pass',
      smile: 'pass',
      clean: 'pass',
      menu: 'pass',
      stock: 'fail',
      wifi: 'pass',
    });
    // Two submits at the same moment: one is taken, the other refused; one case.
    const [one, two] = await Promise.all([
      a.post(`/api/v1/audits/${id}/submit`, { answers: all }),
      a.post(`/api/v1/audits/${id}/submit`, { answers: all }),
    ]);
    expect([one.status, two.status].sort()).toEqual([200, 409]);
    const visit = (await a.ok('GET', `/api/v1/audits/${id}`)) as any;
    // 9 of 13 passed, yet failed.
    expect(visit).toMatchObject({ score: 69.23, failed: true });
    expect(visit.caseId).toMatch(/^[0-9a-f-]{36}$/);
    const cases = await t.ctx.db.queryOwner<{ id: string; owner_id: string; team_id: string; due: string }>(
      `select c.id, c.owner_id, c.team_id, c.resolution_due_at as due
         from cases c join case_links l on l.org_id = c.org_id and l.case_id = c.id
        where c.org_id = $1 and l.source_key = $2`,
      [org.orgId, `audit:${id}`],
    );
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ id: visit.caseId, owner_id: managerId, team_id: teamId });
    expect(new Date(cases[0].due).getTime() - new Date(visit.doneAt).getTime()).toBe(5 * 86_400_000);
    const c = (await a.ok('GET', `/api/v1/cases/${visit.caseId}`)) as any;
    expect(c.title).toBe('Audit failed at Kraków Rynek: Full menu available');
    expect(c.priority).toBe('high');
    expect(c.location).toEqual({ id: locationId, name: 'Kraków Rynek' });
    // Others hear of it once, with the score, the failure and the location.
    expect(told).toEqual([
      {
        orgId: org.orgId,
        visitId: id,
        checklistId,
        locationId,
        kind: 'auditor',
        score: 69.23,
        components: { ethical: 100, aesthetic: 100, service: 33.33 },
        failed: true,
        caseId: visit.caseId,
      },
    ]);
  });

  it('keeps past scores when the checklist changes, and shows trends per location and month', async () => {
    const a = api(t, org);
    const id = await plan();
    await a.ok('POST', `/api/v1/audits/${id}/submit`, {
      answers: answers({
        greet: 'pass',
        smile: 'pass',
        clean: 'pass',
        menu: 'pass',
        stock: 'pass',
        wifi: 'fail',
      }),
    });
    const changed = (await a.ok('PATCH', `/api/v1/audit-checklists/${checklistId}`, {
      items: [{ id: 'greet', component: 'ethical', text: { en: 'Greeted' }, weight: 1 }],
    })) as any;
    expect(changed.version).toBe(2);
    const past = (await a.ok('GET', `/api/v1/audits/${id}`)) as any;
    // wifi failed: 11 of 13.
    expect(past).toMatchObject({ checklistVersion: 1, score: 84.62 });
    expect(past.items).toHaveLength(6);
    const next = (await a.ok('POST', '/api/v1/audits', { checklistId })) as any;
    expect(next).toMatchObject({ checklistVersion: 2 });
    expect(next.items).toHaveLength(1);
    // Deleting a checklist with visits is refused.
    expect((await a.delete(`/api/v1/audit-checklists/${checklistId}`)).status).toBe(409);

    const trends = (await a.ok('GET', `/api/v1/audit-trends?locationId=${locationId}`)) as any;
    // Three done visits this month: 75, 69.23 (failed), 84.62.
    expect(trends.items).toEqual([
      {
        locationId,
        month: '2026-03',
        visits: 3,
        score: 76.28,
        failed: 1,
        ethical: expect.any(Number),
        aesthetic: expect.any(Number),
        service: expect.any(Number),
      },
    ]);
    const list = (await a.ok('GET', `/api/v1/audits?locationId=${locationId}&status=done&limit=2`)) as any;
    expect(list.items).toHaveLength(2);
    expect(list.nextCursor).toBeTruthy();
    const rest = (await a.ok(
      'GET',
      `/api/v1/audits?locationId=${locationId}&status=done&limit=2&cursor=${list.nextCursor}`,
    )) as any;
    expect(rest.items).toHaveLength(1);
  });
});
