import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoopOrg, rowsOf, setUpLoopOrg } from './cases/helpers';
import { api } from './helpers/api';
import { createTestApp, type TestApp } from './helpers/app';
import { ENGINES } from './helpers/db';
import { upsertCustomers } from './surveys/helpers';

const MONDAY_9 = '2026-03-02T09:00:00.000Z';
const HOUR = 3_600_000;

type Problem = { status: number; errors?: { field: string; message: string }[] };

describe.each(ENGINES)('case desk on %s', (engine) => {
  let t: TestApp;
  let loop: LoopOrg;
  let as: ReturnType<typeof api>;
  let addresses = 0;

  beforeAll(async () => {
    t = await createTestApp(engine);
    t.clock.set(MONDAY_9);
    loop = await setUpLoopOrg(t, { timeZone: 'UTC', capacity: 50 });
    as = api(t, loop.org);
  });
  afterAll(() => t?.close());

  /** A signed-in user of the loop organization: session cookie and CSRF header. */
  const signIn = async (name: string, role: string) => {
    const password = `${name}-password-long-enough`;
    const email = `${name}@${loop.org.slug}.example`;
    const user = await as.ok('POST', '/api/v1/users', { email, name, role, password });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password },
      remoteAddress: `10.9.0.${++addresses}`,
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'orientir_session')!;
    return {
      id: user.id as string,
      as: api(t, { cookie: `orientir_session=${cookie.value}`, 'x-csrf-token': res.json().csrfToken }),
    };
  };

  /** An NPS survey with one answer of `customer`; the default detractor rule opens its case. */
  const answer = async (customer: string, nps: number, why: string) => {
    const survey = await as.ok('POST', '/api/v1/surveys', {
      name: `After delivery ${customer}`,
      audience: 'customers',
      defaultLocale: 'en',
      questions: [
        { id: 'nps', type: 'nps', text: { en: 'Recommend us?' } },
        { id: 'why', type: 'text', text: { en: 'Why?' } },
      ],
    });
    await as.ok('POST', `/api/v1/surveys/${survey.id}/responses/batch`, {
      responses: [{ answers: { nps, why }, customerExternalId: customer }],
    });
    const { items } = await as.ok('GET', '/api/v1/cases?sort=created&limit=100');
    return items.find(
      (c: { customer: { externalId: string } | null }) => c.customer?.externalId === customer,
    );
  };

  it('assigns a case to any agent or team by name, refuses people who do not handle cases, and announces it', async () => {
    t.clock.set(MONDAY_9);
    await as.ok('POST', '/api/v1/webhooks', { url: 'https://hooks.example/desk', events: ['case.assigned'] });
    const agents = await as.ok('GET', '/api/v1/case-agents?limit=100');
    const names = agents.items.map((a: { name: string }) => a.name);
    expect(names).toEqual(expect.arrayContaining(['manager', 'agent-a', 'agent-b']));
    expect(agents.items.find((a: { name: string }) => a.name === 'agent-a')).toMatchObject({
      email: loop.agents[0].email,
      role: 'agent',
      team: 'care',
    });
    const viewer = await as.ok('POST', '/api/v1/users', {
      email: `viewer@${loop.org.slug}.example`,
      name: 'Vera Viewer',
      role: 'viewer',
    });
    expect(agents.items.map((a: { id: string }) => a.id)).not.toContain(viewer.id);

    const c = await as.ok('POST', '/api/v1/cases', { title: 'Parcel lost' });
    const team = await as.ok('POST', '/api/v1/case-teams', { name: 'returns' });
    // Anyone who reads cases may list the teams by name (their settings need settings:read).
    const reader = await signIn('rita', 'agent');
    const teams = await reader.as.ok('GET', '/api/v1/case-desk/teams?limit=1');
    expect(teams.items).toHaveLength(1);
    const allTeams = await reader.as.ok('GET', `/api/v1/case-desk/teams?cursor=${teams.nextCursor}`);
    expect([...teams.items, ...allTeams.items]).toEqual([
      { id: loop.teamId, name: 'care' },
      { id: team.id, name: 'returns' },
    ]);
    expect((await reader.as.get('/api/v1/case-teams')).status).toBe(403);
    const assigned = await as.ok('PATCH', `/api/v1/cases/${c.id}`, {
      ownerId: loop.managerId,
      teamId: team.id,
    });
    expect(assigned.owner).toEqual({ id: loop.managerId, name: 'manager', email: loop.managerEmail });
    expect(assigned.team).toEqual({ id: team.id, name: 'returns' });
    const detail = await as.ok('GET', `/api/v1/cases/${c.id}`);
    expect(detail.owner.name).toBe('manager');

    const refused = await as.patch(`/api/v1/cases/${c.id}`, { ownerId: viewer.id });
    expect(refused.status).toBe(400);
    expect((refused.body as Problem).errors?.[0].field).toBe('body.ownerId');

    const events = await rowsOf<{ body: string }>(
      t,
      "select body from webhook_deliveries where org_id = $1 and event = 'case.assigned'",
      [loop.org.orgId],
    );
    const payloads = events.map((e) => JSON.parse(e.body));
    expect(JSON.stringify(payloads)).toContain(loop.managerId);
    expect(JSON.stringify(payloads)).toContain(team.id);
  });

  it('shows the queue with customer, score, comment excerpt, tier, due and owner, sortable by due', async () => {
    t.clock.set(MONDAY_9);
    await upsertCustomers(t, loop.org, [
      { externalId: 'anna', email: 'anna@example.com', name: 'Anna Nowak' },
    ]);
    const opened = await answer('anna', 3, 'The parcel arrived broken and nobody answered the phone.');
    const { items } = await as.ok('GET', '/api/v1/cases?sort=due&limit=100');
    const row = items.find((c: { id: string }) => c.id === opened.id);
    expect(row).toMatchObject({
      customer: { externalId: 'anna', name: 'Anna Nowak' },
      score: { metric: 'nps', value: 3 },
      excerpt: 'The parcel arrived broken and nobody answered the phone.',
      tier: 'standard',
      nextDueAt: '2026-03-02T17:00:00.000Z',
    });
    expect(row.owner?.name).toMatch(/^agent-/);
    const dues = items.map((c: { nextDueAt: string | null }) => c.nextDueAt ?? '9999');
    expect(dues).toEqual([...dues].sort());
  });

  it('refuses a reply that cannot reach the customer, without logging it or stopping the clock', async () => {
    t.clock.set(MONDAY_9);
    await upsertCustomers(t, loop.org, [
      { externalId: 'no-mail' },
      { externalId: 'has-mail', email: 'b@example.com' },
    ]);
    const nobody = await as.ok('POST', '/api/v1/cases', { title: 'No customer' });
    const noMail = await as.ok('POST', '/api/v1/cases', {
      title: 'No e-mail',
      customerExternalId: 'no-mail',
    });
    const mail = await as.ok('POST', '/api/v1/cases', {
      title: 'Has e-mail',
      customerExternalId: 'has-mail',
    });
    expect((await as.ok('GET', `/api/v1/cases/${nobody.id}`)).replyBlocked).toBe('no_customer');
    expect((await as.ok('GET', `/api/v1/cases/${noMail.id}`)).replyBlocked).toBe('no_email');
    expect((await as.ok('GET', `/api/v1/cases/${mail.id}`)).replyBlocked).toBeNull();

    t.clock.set('2026-03-02T10:00:00Z');
    for (const [c, why] of [
      [nobody, 'no_customer'],
      [noMail, 'no_email'],
    ] as const) {
      const res = await as.post(`/api/v1/cases/${c.id}/notes`, { text: 'We are sorry', kind: 'reply' });
      expect(res.status).toBe(422);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      const error = (res.body as Problem).errors?.[0];
      expect(error?.field).toBe('body.kind');
      expect(error?.message).toContain(why);
      const after = await as.ok('GET', `/api/v1/cases/${c.id}`);
      expect(after.firstRespondedAt).toBeNull();
      expect(after.timeline.map((e: { kind: string }) => e.kind)).not.toContain('reply');
    }
    // An internal note is still fine, and a reply that can go out is the first response.
    await as.ok('POST', `/api/v1/cases/${noMail.id}/notes`, { text: 'Tried to call', kind: 'note' });
    await as.ok('POST', `/api/v1/cases/${mail.id}/notes`, { text: 'We are sorry', kind: 'reply' });
    expect((await as.ok('GET', `/api/v1/cases/${mail.id}`)).firstRespondedAt).toBe(
      '2026-03-02T10:00:00.000Z',
    );
  });

  it('renders generated titles in the reader’s language and keeps titles stored before', async () => {
    t.clock.set(MONDAY_9);
    await upsertCustomers(t, loop.org, [{ externalId: 'jan', email: 'jan@example.com' }]);
    const opened = await answer('jan', 1, 'Zero');
    const read = async (lang: string) =>
      (await as.get(`/api/v1/cases/${opened.id}`, { headers: { 'accept-language': lang } })).body.title;
    expect(await read('pl-PL,pl;q=0.9')).toBe('Negatywna opinia: NPS 1');
    expect(await read('cs')).toBe('Negativní zpětná vazba: NPS 1');
    expect(await read('ru')).toBe('Негативный отзыв: NPS 1');
    expect(await read('en')).toBe('Negative feedback: NPS 1');
    const listed = await as.get('/api/v1/cases?sort=created&limit=200', {
      headers: { 'accept-language': 'pl' },
    });
    expect(listed.body.items.find((c: { id: string }) => c.id === opened.id).title).toBe(
      'Negatywna opinia: NPS 1',
    );
    // A case from before titles kept their parts shows the text it was stored with.
    await rowsOf(t, `update cases set title_parts = null, title = 'Negative feedback: NPS 1' where id = $1`, [
      opened.id,
    ]);
    expect(await read('pl')).toBe('Negative feedback: NPS 1');
  });

  it('saves queue views per user, shares them with the organization on request', async () => {
    const ann = await signIn('ann', 'agent');
    const bob = await signIn('bob', 'agent');
    const mine = await ann.as.ok('POST', '/api/v1/case-views', {
      name: 'My urgent',
      filters: { owner: 'me', priority: ['urgent', 'high'], sort: 'due' },
    });
    expect(mine).toMatchObject({ userId: ann.id, shared: false, filters: { owner: 'me' } });
    const team = await ann.as.ok('POST', '/api/v1/case-views', {
      name: 'Breached',
      filters: { breached: true, status: ['new', 'in_progress'] },
      shared: true,
    });
    // Saving a name again replaces its filters: a retried save makes one view.
    const again = await ann.as.ok('POST', '/api/v1/case-views', {
      name: 'My urgent',
      filters: { owner: 'me', priority: ['urgent'] },
    });
    expect(again.id).toBe(mine.id);
    const names = async (who: typeof ann) =>
      (await who.as.ok('GET', '/api/v1/case-views')).items.map((v: { name: string }) => v.name).sort();
    expect(await names(ann)).toEqual(['Breached', 'My urgent']);
    expect(await names(bob)).toEqual(['Breached']);
    expect((await bob.as.patch(`/api/v1/case-views/${team.id}`, { name: 'Mine now' })).status).toBe(403);
    expect((await bob.as.delete(`/api/v1/case-views/${mine.id}`)).status).toBe(404);
    const bad = await ann.as.post('/api/v1/case-views', { name: 'x', filters: { priority: ['whenever'] } });
    expect((bad.body as Problem).errors?.[0].field).toBe('body.filters.priority.0');
    expect((await ann.as.patch(`/api/v1/case-views/${mine.id}`, { name: 'Breached' })).status).toBe(409);
    expect((await ann.as.delete(`/api/v1/case-views/${mine.id}`)).status).toBe(204);
    expect(await names(ann)).toEqual(['Breached']);
    // A key saves the organization's views: shared, and they stay shared.
    const orgView = await as.ok('POST', '/api/v1/case-views', {
      name: 'Everyone',
      filters: {},
      shared: false,
    });
    expect(orgView).toMatchObject({ userId: null, shared: true });
    expect((await as.ok('PATCH', `/api/v1/case-views/${orgView.id}`, { shared: false })).shared).toBe(true);
    expect(await names(bob)).toEqual(['Breached', 'Everyone']);
  });

  it('assigns and closes cases in bulk, all or none, and the same request again changes nothing', async () => {
    t.clock.set(MONDAY_9);
    const ids: string[] = [];
    for (const title of ['Bulk 1', 'Bulk 2', 'Bulk 3'])
      ids.push((await as.ok('POST', '/api/v1/cases', { title })).id);
    const assign = { action: 'assign', caseIds: ids, ownerId: loop.agents[1].id };
    const first = await as.ok('POST', '/api/v1/cases/bulk', assign);
    const alreadyHis = (
      await rowsOf<{ id: string }>(t, 'select id from cases where id = any($1) and owner_id = $2', [
        ids,
        loop.agents[1].id,
      ])
    ).length;
    expect(alreadyHis).toBe(3);
    expect(first.changed.length + first.unchanged.length).toBe(3);
    expect(await as.ok('POST', '/api/v1/cases/bulk', assign)).toEqual({
      changed: [],
      unchanged: [...ids].sort(),
    });

    const missing = '00000000-0000-4000-8000-000000000000';
    const bad = await as.post('/api/v1/cases/bulk', { action: 'close', caseIds: [ids[0], missing] });
    expect((bad.body as Problem).errors?.[0].field).toBe('body.caseIds.1');
    expect((await as.ok('GET', `/api/v1/cases/${ids[0]}`)).status).not.toBe('closed');

    const closed = await as.ok('POST', '/api/v1/cases/bulk', { action: 'close', caseIds: ids });
    expect(closed.changed).toEqual([...ids].sort());
    expect(await as.ok('POST', '/api/v1/cases/bulk', { action: 'close', caseIds: ids })).toEqual({
      changed: [],
      unchanged: [...ids].sort(),
    });
    for (const id of ids) expect((await as.ok('GET', `/api/v1/cases/${id}`)).status).toBe('closed');
    const noTarget = await as.post('/api/v1/cases/bulk', { action: 'assign', caseIds: ids });
    expect((noTarget.body as Problem).errors?.[0].field).toBe('body.ownerId');
  });

  it('keeps canned replies in four languages', async () => {
    const thanks = await as.ok('POST', '/api/v1/canned-replies', {
      name: 'Apology',
      texts: { en: 'We are sorry.', pl: 'Przepraszamy.', cs: 'Omlouváme se.', ru: 'Приносим извинения.' },
    });
    expect(thanks.texts.pl).toBe('Przepraszamy.');
    const changed = await as.ok('PATCH', `/api/v1/canned-replies/${thanks.id}`, { texts: { en: 'Sorry!' } });
    expect(changed.texts).toEqual({ en: 'Sorry!' });
    const none = await as.post('/api/v1/canned-replies', { name: 'Empty', texts: {} });
    expect((none.body as Problem).errors?.[0].field).toBe('body.texts');
    const foreign = await as.post('/api/v1/canned-replies', {
      name: 'German',
      texts: { de: 'Entschuldigung' },
    });
    expect(foreign.status).toBe(400);
    expect((await as.post('/api/v1/canned-replies', { name: 'Apology', texts: { en: 'x' } })).status).toBe(
      409,
    );
    const agent = await signIn('carol', 'agent');
    const seen = await agent.as.ok('GET', '/api/v1/canned-replies');
    expect(seen.items.map((r: { name: string }) => r.name)).toContain('Apology');
    expect((await agent.as.post('/api/v1/canned-replies', { name: 'Mine', texts: { en: 'x' } })).status).toBe(
      403,
    );
    expect((await as.delete(`/api/v1/canned-replies/${thanks.id}`)).status).toBe(204);
  });
});

describe.each(ENGINES)('re-timing open cases on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t?.close());

  const policyOf = async (as: ReturnType<typeof api>, priority: string) =>
    (await as.ok('GET', '/api/v1/sla-policies?limit=100')).items.find(
      (p: { tier: string; priority: string }) => p.tier === 'standard' && p.priority === priority,
    );

  it('re-times the open cases a changed SLA policy governs from the change on; what was due before stays', async () => {
    // Business hours Mon–Fri 9–17 UTC. Opened Monday 2 March 09:00.
    t.clock.set(MONDAY_9);
    const loop = await setUpLoopOrg(t, { timeZone: 'UTC', capacity: 50 });
    const as = api(t, loop.org);
    const normal = await as.ok('POST', '/api/v1/cases', { title: 'Normal', priority: 'normal' });
    const urgent = await as.ok('POST', '/api/v1/cases', { title: 'Urgent', priority: 'urgent' });
    // standard/normal 8 h and 40 h: Monday 17:00 and Friday 17:00; standard/urgent 2 h and 16 h.
    expect([normal.firstResponseDueAt, normal.resolutionDueAt]).toEqual([
      '2026-03-02T17:00:00.000Z',
      '2026-03-06T17:00:00.000Z',
    ]);
    expect([urgent.firstResponseDueAt, urgent.resolutionDueAt]).toEqual([
      '2026-03-02T11:00:00.000Z',
      '2026-03-03T17:00:00.000Z',
    ]);

    // Monday 12:00, the urgent policy becomes 4 h and 24 h. The first response was due at 11:00,
    // before the change: it stays, missed. The resolution: 24 business hours from Monday 09:00 =
    // Monday 8 h + Tuesday 8 h + Wednesday 8 h → Wednesday 17:00.
    t.clock.set('2026-03-02T12:00:00Z');
    const urgentPolicy = await policyOf(as, 'urgent');
    await as.ok('PATCH', `/api/v1/sla-policies/${urgentPolicy.id}`, {
      firstResponseMinutes: 240,
      resolutionMinutes: 1440,
    });
    const u = await as.ok('GET', `/api/v1/cases/${urgent.id}`);
    expect([u.firstResponseDueAt, u.resolutionDueAt, u.breached]).toEqual([
      '2026-03-02T11:00:00.000Z',
      '2026-03-04T17:00:00.000Z',
      true,
    ]);
    const moved = u.timeline.filter((e: { kind: string }) => e.kind === 'deadline_changed');
    expect(moved).toHaveLength(1);
    expect(moved[0].data).toEqual({
      reason: 'sla_policy',
      resolutionDueAt: { from: '2026-03-03T17:00:00.000Z', to: '2026-03-04T17:00:00.000Z' },
    });
    // The normal case is another policy's: untouched.
    const n0 = await as.ok('GET', `/api/v1/cases/${normal.id}`);
    expect(n0.firstResponseDueAt).toBe('2026-03-02T17:00:00.000Z');
    expect(n0.timeline.map((e: { kind: string }) => e.kind)).not.toContain('deadline_changed');

    // The normal policy becomes 1 h and 16 h. One hour from 09:00 is 10:00, before the change:
    // the new first response is due at the change itself (12:00), not in the past, so it is late
    // from the change on (breached now) and not before. The resolution:
    // 16 business hours from Monday 09:00 → Tuesday 17:00.
    const normalPolicy = await policyOf(as, 'normal');
    await as.ok('PATCH', `/api/v1/sla-policies/${normalPolicy.id}`, {
      firstResponseMinutes: 60,
      resolutionMinutes: 960,
    });
    const n = await as.ok('GET', `/api/v1/cases/${normal.id}`);
    expect([n.firstResponseDueAt, n.resolutionDueAt, n.breached]).toEqual([
      '2026-03-02T12:00:00.000Z',
      '2026-03-03T17:00:00.000Z',
      true,
    ]);
    const late = await rowsOf<{ n: number }>(
      t,
      `select count(*)::int as n from case_timeline where case_id = $1 and kind = 'deadline_changed'`,
      [normal.id],
    );
    expect(late[0].n).toBe(1);
    // A closed case is history: a later change does not touch it.
    await as.ok('PATCH', `/api/v1/cases/${normal.id}`, { status: 'closed' });
    await as.ok('PATCH', `/api/v1/sla-policies/${normalPolicy.id}`, { resolutionMinutes: 2400 });
    expect((await as.ok('GET', `/api/v1/cases/${normal.id}`)).resolutionDueAt).toBe(
      '2026-03-03T17:00:00.000Z',
    );
  });

  it('re-times open cases when the business hours change', async () => {
    t.clock.set(MONDAY_9);
    const loop = await setUpLoopOrg(t, { timeZone: 'UTC', capacity: 50 });
    const as = api(t, loop.org);
    const c = await as.ok('POST', '/api/v1/cases', { title: 'Hours', priority: 'normal' });
    // Monday 10:00 the office opens 08:00–12:00 on weekdays only. The first response (8 h) from
    // Monday 09:00: Monday 3 h (9–12), Tuesday 4 h, Wednesday 08:00 + 1 h → Wednesday 09:00.
    // The resolution (40 h): 3 + 4 × 4 = 19 h by Friday, 20 h more by Friday 13th, the last hour
    // on Monday 16th from 08:00 → 09:00.
    t.clock.set(new Date(Date.parse(MONDAY_9) + HOUR));
    const morning = [['08:00', '12:00']];
    await as.ok('PATCH', '/api/v1/case-settings', {
      workingHours: {
        mon: morning,
        tue: morning,
        wed: morning,
        thu: morning,
        fri: morning,
        sat: [],
        sun: [],
      },
    });
    const after = await as.ok('GET', `/api/v1/cases/${c.id}`);
    expect([after.firstResponseDueAt, after.resolutionDueAt]).toEqual([
      '2026-03-04T09:00:00.000Z',
      '2026-03-16T09:00:00.000Z',
    ]);
    const moved = after.timeline.find((e: { kind: string }) => e.kind === 'deadline_changed');
    expect(moved.data).toEqual({
      reason: 'business_hours',
      firstResponseDueAt: { from: '2026-03-02T17:00:00.000Z', to: '2026-03-04T09:00:00.000Z' },
      resolutionDueAt: { from: '2026-03-06T17:00:00.000Z', to: '2026-03-16T09:00:00.000Z' },
    });
    // Changing something else than the calendar moves nothing.
    await as.ok('PATCH', '/api/v1/case-settings', { followUp: false });
    const still = await as.ok('GET', `/api/v1/cases/${c.id}`);
    expect(still.timeline.filter((e: { kind: string }) => e.kind === 'deadline_changed')).toHaveLength(1);
  });
});
