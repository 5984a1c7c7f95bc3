import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths, statusOf } from '../../src/modules/people/domain/training';
import { api } from '../helpers/api';
import { createTestApp, type TestApp, type TestOrg } from '../helpers/app';
import { ENGINES } from '../helpers/db';

describe('training expiry', () => {
  it('adds months to a day, clamped to the month’s end', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-11-15', 3)).toBe('2026-02-15');
    expect(addMonths('2025-03-02', 12)).toBe('2026-03-02');
  });

  it('counts the latest completion, expired on its expiry day', () => {
    expect(statusOf([], 12, '2026-03-02').status).toBe('missing');
    expect(statusOf(['2025-03-02'], 12, '2026-03-02')).toEqual({
      status: 'expired',
      completedOn: '2025-03-02',
      expiresOn: '2026-03-02',
    });
    expect(statusOf(['2025-03-02', '2025-03-03'], 12, '2026-03-02').status).toBe('done');
    expect(statusOf(['2001-01-01'], null, '2026-03-02')).toEqual({
      status: 'done',
      completedOn: '2001-01-01',
      expiresOn: null,
    });
  });
});

describe.each(ENGINES)('training matrix on %s', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  beforeAll(async () => {
    // Today is 2026-03-02 in the organization's time zone.
    t = await createTestApp(engine);
    org = await t.createOrg();
  });
  afterAll(() => t?.close());

  it('counts required, done, expired and missing courses per team and location, and each person’s gaps', async () => {
    const a = api(t, org);
    const krk = await a.ok('POST', '/api/v1/locations', { code: 'KRK', name: 'Kraków Rynek' });
    const bar = await a.ok('POST', '/api/v1/teams', { name: 'Bar', locationId: krk.id });
    const kitchen = await a.ok('POST', '/api/v1/teams', { name: 'Kitchen', locationId: krk.id });
    await a.ok('POST', '/api/v1/employees/batch', {
      employees: [
        { externalId: 'B1', name: 'Anna', jobRole: 'barista', team: 'Bar', locationCode: 'KRK' },
        { externalId: 'B2', name: 'Bartek', jobRole: 'barista', team: 'Bar', locationCode: 'KRK' },
        { externalId: 'C1', name: 'Celina', jobRole: 'cook', team: 'Kitchen', locationCode: 'KRK' },
        // Left last year: not counted.
        {
          externalId: 'B3',
          name: 'Damian',
          jobRole: 'barista',
          team: 'Bar',
          locationCode: 'KRK',
          leftOn: '2025-12-31',
        },
      ],
    });
    const ids = Object.fromEntries(
      ((await a.ok('GET', '/api/v1/employees?limit=100')).items as { externalId: string; id: string }[]).map(
        (e) => [e.externalId, e.id],
      ),
    );
    const course = (en: string, builds: string, validityMonths: number | null) =>
      a.ok('POST', '/api/v1/training/courses', { names: { en, pl: `${en} (pl)` }, builds, validityMonths });
    const empathy = await course('Listening to guests', 'empathy', 12);
    const coffee = await course('Coffee craft', 'product_knowledge', null);
    const hygiene = await course('Food hygiene', 'hygiene_and_safety', 24);
    for (const [jobRole, c] of [
      ['barista', empathy],
      ['barista', coffee],
      ['cook', hygiene],
      ['cook', empathy],
    ] as const) {
      await a.ok('POST', '/api/v1/training/requirements', { jobRole, courseId: c.id });
    }
    // Asked again: the same requirement.
    const again = await a.post('/api/v1/training/requirements', { jobRole: 'barista', courseId: coffee.id });
    expect(again.status).toBe(200);
    expect((await a.ok('GET', '/api/v1/training/requirements')).items).toHaveLength(4);

    const done = (employeeId: string, courseId: string, completedOn: string) =>
      a.ok('POST', '/api/v1/training/completions', { employeeId, courseId, completedOn });
    // Anna: empathy 2025-06-01 (valid until 2026-06-01: done), coffee (never expires: done).
    await done(ids.B1, empathy.id, '2025-06-01');
    await done(ids.B1, coffee.id, '2019-05-05');
    // Bartek: empathy 2025-03-01 (expired on 2026-03-01), coffee missing.
    const expired = await done(ids.B2, empathy.id, '2025-03-01');
    expect(expired.expiresOn).toBe('2026-03-01');
    // Celina: hygiene 2024-03-02 (24 months: expires today, 2026-03-02), empathy missing.
    await done(ids.C1, hygiene.id, '2024-03-02');
    // Damian has left: his completion changes nothing.
    await done(ids.B3, coffee.id, '2025-01-01');

    const byTeam = await a.ok('GET', '/api/v1/training/matrix?by=team');
    expect(byTeam.today).toBe('2026-03-02');
    expect(byTeam.rows).toEqual([
      // Bar: 2 people × 2 courses = 4 required; Anna's 2 done, Bartek's empathy expired, coffee missing.
      { id: bar.id, name: 'Bar', required: 4, done: 2, expired: 1, missing: 1, coverage: 50 },
      // Kitchen: 1 person × 2 courses = 2 required; hygiene expired today, empathy missing.
      { id: kitchen.id, name: 'Kitchen', required: 2, done: 0, expired: 1, missing: 1, coverage: 0 },
    ]);
    const byLocation = await a.ok('GET', '/api/v1/training/matrix?by=location');
    // Kraków: 6 required, 2 done → 33.3 %.
    expect(byLocation.rows).toEqual([
      { id: krk.id, name: 'Kraków Rynek', required: 6, done: 2, expired: 2, missing: 2, coverage: 33.3 },
    ]);

    const gaps = await a.ok('GET', `/api/v1/training/gaps?teamId=${bar.id}`);
    expect(gaps.items).toEqual([
      {
        employeeId: ids.B2,
        name: 'Bartek',
        jobRole: 'barista',
        teamId: bar.id,
        locationId: krk.id,
        gaps: [
          { courseId: empathy.id, status: 'expired', completedOn: '2025-03-01', expiresOn: '2026-03-01' },
          { courseId: coffee.id, status: 'missing', completedOn: null, expiresOn: null },
        ],
      },
    ]);

    // Everyone's gaps page by name: Bartek, then Celina.
    const first = await a.ok('GET', '/api/v1/training/gaps?limit=1');
    expect(first.items.map((g: { name: string }) => g.name)).toEqual(['Bartek']);
    const second = await a.ok('GET', `/api/v1/training/gaps?limit=1&cursor=${first.nextCursor}`);
    expect(second.items.map((g: { name: string }) => g.name)).toEqual(['Celina']);
    expect(second.nextCursor).toBeNull();
    expect((await a.get('/api/v1/training/gaps?cursor=nonsense')).status).toBe(400);

    // Bartek renews the course: the matrix follows.
    await done(ids.B2, empathy.id, '2026-02-20');
    const renewed = await a.ok('GET', '/api/v1/training/matrix?by=team');
    expect(renewed.rows[0]).toMatchObject({ name: 'Bar', done: 3, expired: 0, missing: 1, coverage: 75 });

    // A CSV of completions: people by their HR id; a bad line refuses the whole file, naming the line.
    const csv = (text: string) =>
      a.post('/api/v1/training/completions/import', text, { headers: { 'content-type': 'text/csv' } });
    const bad = await csv(
      `employeeExternalId,courseId,completedOn\nC1,${empathy.id},2026-01-10\nZZ,${empathy.id},2026-01-10\n`,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('body.line.3.employeeExternalId');
    const future = await csv(`employeeExternalId,courseId,completedOn\nC1,${empathy.id},2026-04-10\n`);
    expect(future.body.errors[0].field).toBe('body.line.2.completedOn');
    const good = await csv(
      `employeeExternalId,courseId,completedOn\nC1,${empathy.id},2026-01-10\nB1,${coffee.id},2019-05-05\n`,
    );
    expect(good.body).toEqual({ recorded: 1, alreadyRecorded: 1 });
    const kitchenRow = (await a.ok('GET', '/api/v1/training/matrix?by=team')).rows[1];
    expect(kitchenRow).toMatchObject({ name: 'Kitchen', done: 1, expired: 1, missing: 0, coverage: 50 });
  });

  it('checks courses and completions, naming the field', async () => {
    const a = api(t, org);
    const noName = await a.post('/api/v1/training/courses', { names: {}, builds: 'empathy' });
    expect(noName.status).toBe(400);
    expect(noName.body.errors[0].field).toBe('body.names');
    const badSkill = await a.post('/api/v1/training/courses', { names: { en: 'X' }, builds: 'juggling' });
    expect(badSkill.body.errors[0].field).toBe('body.builds');
    const c = await a.ok('POST', '/api/v1/training/courses', {
      names: { en: 'Complaints' },
      builds: 'complaint_handling',
    });
    expect(c.validityMonths).toBeNull();
    const renamed = await a.ok('PATCH', `/api/v1/training/courses/${c.id}`, {
      names: { cs: 'Stížnosti' },
      validityMonths: 6,
    });
    expect(renamed).toMatchObject({ names: { en: 'Complaints', cs: 'Stížnosti' }, validityMonths: 6 });
    const e = await a.ok('POST', '/api/v1/employees', { externalId: 'X1', name: 'Xenia' });
    const unknownCourse = await a.post('/api/v1/training/completions', {
      employeeId: e.id,
      courseId: '00000000-0000-4000-8000-000000000000',
      completedOn: '2026-01-01',
    });
    expect(unknownCourse.status).toBe(400);
    expect(unknownCourse.body.errors[0].field).toBe('body.courseId');
    const first = await a.ok('POST', '/api/v1/training/completions', {
      employeeId: e.id,
      courseId: c.id,
      completedOn: '2026-01-01',
    });
    expect(first.expiresOn).toBe('2026-07-01');
    const twice = await a.post('/api/v1/training/completions', {
      employeeId: e.id,
      courseId: c.id,
      completedOn: '2026-01-01',
    });
    expect(twice.status).toBe(409);
    const training = await a.ok('GET', `/api/v1/training/employees/${e.id}`);
    expect(training).toMatchObject({ employee: { name: 'Xenia', jobRole: '' }, required: [] });
  });
});
