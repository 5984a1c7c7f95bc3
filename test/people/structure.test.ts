import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../helpers/api';
import { createTestApp, type TestApp, type TestOrg } from '../helpers/app';
import { ENGINES } from '../helpers/db';

describe.each(ENGINES)('organization structure on %s', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  beforeAll(async () => {
    t = await createTestApp(engine);
    org = await t.createOrg();
  });
  afterAll(() => t?.close());

  it('keeps locations, departments, teams and employees with their references checked', async () => {
    const a = api(t, org);
    const loc = (await a.ok('POST', '/api/v1/locations', { code: 'WAW-1', name: 'Warszawa Centrum' })) as any;
    expect(loc).toMatchObject({ code: 'WAW-1', kind: 'store', active: true, targets: {} });
    expect((await a.post('/api/v1/locations', { code: 'WAW-1', name: 'again' })).status).toBe(409);
    const bad = await a.post('/api/v1/locations', { code: 'x y', name: 'n', timeZone: 'Mars/Base' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'body.code',
      'body.timeZone',
    ]);

    const dept = (await a.ok('POST', '/api/v1/departments', { name: 'Sales' })) as any;
    const team = (await a.ok('POST', '/api/v1/teams', {
      name: 'Floor',
      departmentId: dept.id,
      locationId: loc.id,
    })) as any;
    expect(team).toMatchObject({ departmentId: dept.id, locationId: loc.id, managerId: null });
    // The same team is the one cases are assigned to.
    const caseTeams = (await a.ok('GET', '/api/v1/case-teams')) as any;
    expect(caseTeams.items.map((x: { id: string }) => x.id)).toContain(team.id);

    const boss = (await a.ok('POST', '/api/v1/employees', {
      externalId: 'E1',
      name: 'Anna',
      teamId: team.id,
    })) as any;
    const worker = (await a.ok('POST', '/api/v1/employees', {
      externalId: 'E2',
      name: 'Jan',
      managerId: boss.id,
    })) as any;
    const noTeam = await a.post('/api/v1/employees', { externalId: 'E3', name: 'X', teamId: loc.id });
    expect(noTeam.status).toBe(400);
    expect(noTeam.body.errors[0].field).toBe('body.teamId');
    // A loop of managers is refused.
    const loop = await a.patch(`/api/v1/employees/${boss.id}`, { managerId: worker.id });
    expect(loop.status).toBe(400);
    expect(loop.body.errors[0].field).toBe('body.managerId');

    const byTeam = (await a.ok('GET', `/api/v1/employees?teamId=${team.id}`)) as any;
    expect(byTeam.items.map((e: { externalId: string }) => e.externalId)).toEqual(['E1']);
    expect((await a.delete(`/api/v1/teams/${team.id}`)).status).toBe(204);
    expect(((await a.ok('GET', `/api/v1/employees/${boss.id}`)) as any).teamId).toBeNull();
  });

  it('imports an HR file: teams and departments by name, locations by code, managers by external id', async () => {
    const a = api(t, org);
    await a.ok('POST', '/api/v1/locations', { code: 'KRK', name: 'Kraków' });
    const csv = [
      'externalId,name,email,jobRole,team,department,locationCode,managerExternalId,hiredOn',
      'H2,Ewa,ewa@example.com,barista,Bar,Service,KRK,H1,2024-03-01',
      'H1,Piotr,,manager,Bar,Service,KRK,,2020-01-15',
    ].join('\n');
    const res = await a.post('/api/v1/employees/import', csv, { headers: { 'content-type': 'text/csv' } });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({ created: 2, updated: 0 });
    const people = ((await a.ok('GET', '/api/v1/employees?limit=100')) as any).items as any[];
    const ewa = people.find((p) => p.externalId === 'H2');
    const piotr = people.find((p) => p.externalId === 'H1');
    expect(ewa.managerId).toBe(piotr.id);
    expect(ewa.teamId).toBe(piotr.teamId);
    expect(ewa.hiredOn).toBe('2024-03-01');

    // Again, with one unknown location: nothing is written and the line is named.
    const again = await a.post(
      '/api/v1/employees/import',
      'externalId,name,locationCode\nH1,Piotr Nowak,KRK\nH9,Nobody,NOPE\n',
      { headers: { 'content-type': 'text/csv' } },
    );
    expect(again.status).toBe(400);
    expect(again.body.errors[0].field).toBe('body.1.locationCode');
    expect(((await a.ok('GET', `/api/v1/employees/${piotr.id}`)) as any).name).toBe('Piotr');

    const bad = await a.post('/api/v1/employees/import', 'externalId,name,email\nH5,Ola,not-an-email\n', {
      headers: { 'content-type': 'text/csv' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('line 2.email');
  });

  it('pages every list by name', async () => {
    const other = await t.createOrg();
    const a = api(t, other);
    for (let i = 0; i < 5; i++) await a.ok('POST', '/api/v1/departments', { name: `D${i}` });
    const first = (await a.ok('GET', '/api/v1/departments?limit=2')) as any;
    const second = (await a.ok('GET', `/api/v1/departments?limit=2&cursor=${first.nextCursor}`)) as any;
    const third = (await a.ok('GET', `/api/v1/departments?limit=2&cursor=${second.nextCursor}`)) as any;
    expect([...first.items, ...second.items, ...third.items].map((d: { name: string }) => d.name)).toEqual([
      'D0',
      'D1',
      'D2',
      'D3',
      'D4',
    ]);
    expect(third.nextCursor).toBeNull();
  });
});
