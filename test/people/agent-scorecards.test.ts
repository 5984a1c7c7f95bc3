import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signFollowUpToken } from '../../src/modules/cases/domain/follow-up-token';
import { api } from '../helpers/api';
import { createTestApp, type TestApp, type TestOrg } from '../helpers/app';
import { ENGINES } from '../helpers/db';
import { FORM_HEADERS, form } from '../surveys/helpers';

describe.each(ENGINES)('the agent view on %s', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  let team: { id: string };
  const ids: Record<string, string> = {};

  /** A case of `customer` owned by `ownerId`, resolved, and its follow-up answered `answer`. */
  const resolvedCase = async (customer: string, ownerId: string, answer?: 'yes' | 'no') => {
    const a = api(t, org);
    const c = await a.ok('POST', '/api/v1/cases', {
      title: 'Late order',
      customerExternalId: customer,
      ownerId,
      teamId: team.id,
    });
    await a.ok('PATCH', `/api/v1/cases/${c.id}`, { status: 'resolved' });
    if (!answer) return c.id as string;
    const { cycle } = await a.ok('GET', `/api/v1/cases/${c.id}`);
    const [{ widget_secret: secret }] = await t.ctx.db.queryOwner<{ widget_secret: string }>(
      'select widget_secret from orgs where id = $1',
      [org.orgId],
    );
    const token = signFollowUpToken(secret, {
      orgId: org.orgId,
      caseId: c.id,
      cycle,
      expiresAt: new Date(t.ctx.clock.now().getTime() + 86_400_000),
    });
    const res = await t.app.inject({
      method: 'POST',
      url: `/c/${token}`,
      headers: FORM_HEADERS,
      payload: form({ answer }),
    });
    expect(res.statusCode).toBeLessThan(400);
    return c.id as string;
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    org = await t.createOrg();
    const a = api(t, org);
    team = (await a.ok('POST', '/api/v1/teams', { name: 'Desk' })) as { id: string };
    for (const name of ['ola', 'jan']) {
      const user = await a.ok('POST', '/api/v1/users', {
        email: `${name}@${org.slug}.example`,
        name,
        role: 'agent',
      });
      const e = await a.ok('POST', '/api/v1/employees', {
        externalId: name,
        name: `${name} Desk`,
        teamId: team.id,
        userId: user.id,
      });
      ids[name] = user.id;
      ids[`${name}-employee`] = e.id;
    }
    await a.ok('POST', '/api/v1/customers/batch', {
      customers: ['k1', 'k2', 'k3', 'k4'].map((externalId) => ({
        externalId,
        email: `${externalId}@example.com`,
      })),
    });
    await resolvedCase('k1', ids.ola, 'yes');
    await resolvedCase('k2', ids.ola, 'yes');
    await resolvedCase('k3', ids.ola, 'no');
    await resolvedCase('k4', ids.jan);
  });
  afterAll(() => t?.close());

  it("counts each person's cases and the customers' 'solved' answers as a rate with its interval", async () => {
    const cards = await api(t, org).ok('GET', `/api/v1/agents/scorecards?teamId=${team.id}`);
    const ola = cards.people.find((p: { userId: string }) => p.userId === ids.ola);
    const jan = cards.people.find((p: { userId: string }) => p.userId === ids.jan);
    // The "no" reopened its case: two stay resolved.
    expect(ola).toMatchObject({ casesHandled: 3, casesResolved: 2 });
    // 2 yes of 3 answers; Wilson 95%: 0.2077 to 0.9385 (hand-checked: z = 1.96).
    expect(ola.solvedByFollowUp.value).toBeCloseTo(2 / 3, 6);
    expect(ola.solvedByFollowUp.ci95[0]).toBeCloseTo(0.2077, 3);
    expect(ola.solvedByFollowUp.ci95[1]).toBeCloseTo(0.9385, 3);
    expect(jan).toMatchObject({ casesHandled: 1, casesResolved: 1, solvedByFollowUp: null });
    // The "yes, solved" answers thanked Ola twice.
    expect(ola.praise).toBe(2);
    expect(cards.teams).toEqual([
      expect.objectContaining({ teamId: team.id, members: 2, casesHandled: 4, praise: 2 }),
    ]);
  });

  it('is for managers: an agent is refused, a bad team is named', async () => {
    const password = 'agent-password-long-enough';
    await api(t, org).ok('POST', '/api/v1/users', {
      email: `x@${org.slug}.example`,
      name: 'x',
      role: 'agent',
      password,
    });
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: `x@${org.slug}.example`, password },
      remoteAddress: '10.9.8.1',
    });
    const cookie = login.cookies.find((c) => c.name === 'orientir_session')!;
    const asAgent = api(t, { cookie: `orientir_session=${cookie.value}` });
    expect((await asAgent.get('/api/v1/agents/scorecards')).status).toBe(403);
    const bad = await api(t, org).get(`/api/v1/agents/scorecards?teamId=${crypto.randomUUID()}`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('query.teamId');
  });
});
