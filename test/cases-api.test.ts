import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCustomer, recordEvent } from '../src/modules/customers/api';
import { caseHoursSources } from '../src/modules/value/use-cases/cost-sources';
import { type LoopOrg, setUpLoopOrg } from './cases/helpers';
import { createTestApp, type TestApp } from './helpers/app';
import { problemOf } from './helpers/customers';
import { ENGINES } from './helpers/db';
import { emitResponse } from './helpers/responses';
import { upsertCustomers } from './surveys/helpers';

describe.each(ENGINES)('cases API on %s', (engine) => {
  let t: TestApp;
  let loop: LoopOrg;

  beforeAll(async () => {
    t = await createTestApp(engine);
    loop = await setUpLoopOrg(t, { timeZone: 'Europe/Prague', capacity: 1 });
  });
  afterAll(() => t?.close());

  const raw = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: loop.org.auth, payload });

  it('keeps SLA policies per tier and priority, faster for more valuable tiers', async () => {
    const { items } = await loop.api('GET', '/api/v1/sla-policies');
    expect(items).toHaveLength(12);
    const target = (tier: string, priority: string) =>
      items.find((p: { tier: string; priority: string }) => p.tier === tier && p.priority === priority);
    for (const priority of ['low', 'normal', 'high', 'urgent']) {
      const [premium, prio, standard] = ['premium', 'priority', 'standard'].map((tier) =>
        target(tier, priority),
      );
      expect(premium.firstResponseMinutes).toBeLessThan(prio.firstResponseMinutes);
      expect(prio.firstResponseMinutes).toBeLessThan(standard.firstResponseMinutes);
      expect(premium.resolutionMinutes).toBeLessThan(prio.resolutionMinutes);
      expect(prio.resolutionMinutes).toBeLessThan(standard.resolutionMinutes);
    }
    const dup = await raw('POST', '/api/v1/sla-policies', {
      tier: 'premium',
      priority: 'low',
      firstResponseMinutes: 10,
      resolutionMinutes: 20,
    });
    expect(dup.statusCode).toBe(409);
    const short = await raw('POST', '/api/v1/sla-policies', {
      tier: 'gold',
      priority: 'low',
      firstResponseMinutes: 60,
      resolutionMinutes: 30,
    });
    expect(problemOf(short).errors?.[0].field).toBe('body.resolutionMinutes');
    const gold = await loop.api('POST', '/api/v1/sla-policies', {
      tier: 'gold',
      priority: 'urgent',
      firstResponseMinutes: 15,
      resolutionMinutes: 60,
    });
    expect(
      (await loop.api('PATCH', `/api/v1/sla-policies/${gold.id}`, { resolutionMinutes: 90 }))
        .resolutionMinutes,
    ).toBe(90);
    expect((await raw('PATCH', `/api/v1/sla-policies/${gold.id}`, { resolutionMinutes: 5 })).statusCode).toBe(
      400,
    );
    expect((await raw('DELETE', `/api/v1/sla-policies/${gold.id}`)).statusCode).toBe(204);
    expect((await raw('DELETE', `/api/v1/sla-policies/${gold.id}`)).statusCode).toBe(404);
  });

  it('opens cases by hand, lists them with filters and pages, and guards status moves', async () => {
    await upsertCustomers(t, loop.org, [{ externalId: 'hand-1', email: 'hand@example.com' }]);
    const unknown = await raw('POST', '/api/v1/cases', { title: 'x', customerExternalId: 'nobody' });
    expect(problemOf(unknown).errors?.[0].field).toBe('body.customerExternalId');
    const noTeam = await raw('POST', '/api/v1/cases', {
      title: 'x',
      teamId: '00000000-0000-4000-8000-000000000000',
    });
    expect(problemOf(noTeam).errors?.[0].field).toBe('body.teamId');
    const empty = await raw('POST', '/api/v1/cases', {});
    expect(problemOf(empty).errors?.[0].field).toBe('body.title');
    const urgent = await loop.api('POST', '/api/v1/cases', {
      title: 'Card charged twice',
      customerExternalId: 'hand-1',
      priority: 'urgent',
    });
    expect(urgent).toMatchObject({ source: 'api', status: 'new', ownerId: loop.agents[0].id });
    // Capacity 1 each: the second case goes to the other agent, the third finds both full.
    const second = await loop.api('POST', '/api/v1/cases', { title: 'Wrong size', priority: 'low' });
    const third = await loop.api('POST', '/api/v1/cases', { title: 'Lost parcel' });
    expect([second.ownerId, third.ownerId]).toEqual([loop.agents[1].id, null]);

    const page1 = await loop.api('GET', '/api/v1/cases?limit=2&sort=due');
    expect(page1.items.map((c: { id: string }) => c.id)).toEqual([urgent.id, third.id]);
    const page2 = await loop.api('GET', `/api/v1/cases?limit=2&sort=due&cursor=${page1.nextCursor}`);
    expect(page2.items.map((c: { id: string }) => c.id)).toEqual([second.id]);
    expect(page2.nextCursor).toBeNull();
    const responseId = '11111111-2222-4333-8444-555555555555';
    const survey = await loop.api('POST', '/api/v1/surveys', {
      name: 'After support',
      audience: 'customers',
      defaultLocale: 'en',
      questions: [{ id: 'nps', type: 'nps', text: { en: 'Recommend us?' } }],
    });
    await loop.api('POST', `/api/v1/surveys/${survey.id}/responses/batch`, {
      responses: [{ id: responseId, answers: { nps: 9 } }],
    });
    const fromResponse = await loop.api('POST', '/api/v1/cases', { title: 'Angry answer', responseId });
    expect(fromResponse.responseId).toBe(responseId);
    expect((await raw('POST', '/api/v1/cases', { title: 'Again', responseId })).statusCode).toBe(409);
    await loop.api('PATCH', `/api/v1/cases/${fromResponse.id}`, { status: 'closed' });
    const filtered = await loop.api('GET', `/api/v1/cases?priority=urgent,low&owner=${loop.agents[1].id}`);
    expect(filtered.items.map((c: { id: string }) => c.id)).toEqual([second.id]);
    expect((await loop.api('GET', '/api/v1/cases?status=resolved')).items).toEqual([]);
    const bad = await raw('GET', '/api/v1/cases?status=lost&breached=maybe');
    expect(problemOf(bad).errors?.map((e) => e.field)).toEqual(
      expect.arrayContaining(['query.status.0', 'query.breached']),
    );
    expect((await raw('GET', '/api/v1/cases?cursor=bm90LWEtY3Vyc29y')).statusCode).toBe(400);
    expect((await raw('GET', '/api/v1/cases?owner=me')).statusCode).toBe(400);

    expect((await raw('PATCH', `/api/v1/cases/${third.id}`, { status: 'reopened' })).statusCode).toBe(409);
    await loop.api('PATCH', `/api/v1/cases/${third.id}`, { status: 'closed' });
    expect((await raw('PATCH', `/api/v1/cases/${third.id}`, { status: 'waiting_customer' })).statusCode).toBe(
      409,
    );
    const reopened = await loop.api('PATCH', `/api/v1/cases/${third.id}`, { status: 'reopened' });
    expect(reopened).toMatchObject({ status: 'in_progress', cycle: 2 });
    expect(
      (await raw('PATCH', `/api/v1/cases/${third.id}`, { ownerId: loop.managerId, nope: 1 })).statusCode,
    ).toBe(400);
    const unknownOwner = await raw('PATCH', `/api/v1/cases/${third.id}`, {
      ownerId: '00000000-0000-4000-8000-000000000000',
    });
    expect(problemOf(unknownOwner).errors?.[0].field).toBe('body.ownerId');

    // A higher priority brings the due times forward under a new SLA version.
    const before = await loop.api('GET', `/api/v1/cases/${second.id}`);
    const raised = await loop.api('PATCH', `/api/v1/cases/${second.id}`, { priority: 'urgent' });
    expect(new Date(raised.resolutionDueAt).getTime()).toBeLessThan(
      new Date(before.resolutionDueAt).getTime(),
    );
    const note = await loop.api('POST', `/api/v1/cases/${second.id}/notes`, { text: 'Called the courier' });
    expect(note).toMatchObject({ kind: 'note', text: 'Called the courier' });
    const timeline = (await loop.api('GET', `/api/v1/cases/${second.id}`)).timeline;
    expect(timeline.map((e: { kind: string }) => e.kind)).toEqual([
      'created',
      'assigned',
      'priority_changed',
      'note',
    ]);
  });

  it('opens cases from refunds and complaints, and from topic rules of the case settings and the feedback taxonomy', async () => {
    const record = (customer: string, type: string, data: Record<string, unknown> = {}) =>
      t.ctx.db.withOrg(loop.org.orgId, async (tx) => {
        const customerId = await ensureCustomer(t.ctx, tx, loop.org.orgId, customer);
        await recordEvent(t.ctx, tx, loop.org.orgId, { customerId, type, occurredAt: t.clock.now(), data });
        return customerId;
      });
    const cases = async (customerId: string) =>
      (await loop.api('GET', `/api/v1/cases?customerId=${customerId}`)).items;
    expect(await cases(await record('refund-1', 'refund'))).toEqual([
      expect.objectContaining({ title: 'Customer event: refund', priority: 'normal' }),
    ]);
    expect(await cases(await record('complaint-1', 'contact', { tags: ['complaint'] }))).toEqual([
      expect.objectContaining({ priority: 'high' }),
    ]);
    expect(await cases(await record('question-1', 'contact', { tags: ['question'] }))).toEqual([]);
    // Through the events batch endpoint: a refund among purchases opens one case.
    const at = t.clock.now().toISOString();
    await loop.api('POST', '/api/v1/events/batch', {
      events: [
        { type: 'purchase', customerExternalId: 'batch-1', occurredAt: at, amount: 1200 },
        { type: 'refund', customerExternalId: 'batch-1', occurredAt: at, amount: 1200 },
        { type: 'purchase', customerExternalId: 'batch-2', occurredAt: at, amount: 800 },
      ],
    });
    const listed = (await loop.api('GET', '/api/v1/cases?sort=created&limit=50')).items;
    expect(listed.filter((c: { title: string }) => c.title === 'Customer event: refund')).toHaveLength(2);

    const badRule = await raw('POST', '/api/v1/case-rules', {
      name: 'x',
      trigger: 'event',
      conditions: { metric: 'nps', max: 3, eventTypes: ['refund'] },
    });
    expect(problemOf(badRule).errors?.[0].field).toBe('body.conditions');
    await loop.api('PATCH', '/api/v1/case-settings', {
      topics: [{ key: 'billing', keywords: ['invoice*', 'faktur*', 'účtenk*'] }],
    });
    const rule = await loop.api('POST', '/api/v1/case-rules', {
      name: 'Billing trouble',
      trigger: 'response',
      conditions: { topics: ['billing'] },
      priority: 'urgent',
    });
    const billed = await emitResponse(t.ctx, loop.org.orgId, {
      customer: 'billing-1',
      scores: { nps: 8 },
      texts: ['Špatná účtenka, prosím opravit'],
    });
    expect(await cases(billed.customerId!)).toEqual([
      expect.objectContaining({ priority: 'urgent', ruleId: rule.id }),
    ]);
    const calm = await emitResponse(t.ctx, loop.org.orgId, {
      customer: 'calm-1',
      scores: { nps: 8 },
      texts: ['ok'],
    });
    expect(await cases(calm.customerId!)).toEqual([]);

    // The organization's feedback taxonomy tags answers for case rules too (stems, any language).
    await loop.api('POST', '/api/v1/analytics/topics', {
      key: 'billing',
      name: { en: 'Billing' },
      keywords: { pl: ['rachunek'], en: ['overcharged'] },
    });
    const tagged = await emitResponse(t.ctx, loop.org.orgId, {
      customer: 'taxonomy-1',
      scores: { nps: 9 },
      texts: ['Zły rachunek, znowu błąd'],
    });
    expect(await cases(tagged.customerId!)).toHaveLength(1);

    await loop.api('PATCH', `/api/v1/case-rules/${rule.id}`, { enabled: false });
    const off = await emitResponse(t.ctx, loop.org.orgId, {
      customer: 'taxonomy-2',
      scores: { nps: 9 },
      texts: ['I was overcharged'],
    });
    expect(await cases(off.customerId!)).toEqual([]);
    expect((await raw('DELETE', `/api/v1/case-rules/${rule.id}`)).statusCode).toBe(204);
  });

  it("gives the customer's own account owner their case", async () => {
    await upsertCustomers(t, loop.org, [{ externalId: 'owned-1' }]);
    await loop.api('PATCH', '/api/v1/customers/owned-1', { ownerId: loop.managerId });
    const r = await emitResponse(t.ctx, loop.org.orgId, { customer: 'owned-1', scores: { nps: 1 } });
    const [c] = (await loop.api('GET', `/api/v1/cases?customerId=${r.customerId}`)).items;
    expect(c.ownerId).toBe(loop.managerId);
  });

  it('sums the time logged on notes per customer for the cost to serve', async () => {
    await upsertCustomers(t, loop.org, [{ externalId: 'hours-1' }]);
    const c = await loop.api('POST', '/api/v1/cases', { title: 'Long call', customerExternalId: 'hours-1' });
    await loop.api('POST', `/api/v1/cases/${c.id}/notes`, { text: 'Call', minutesSpent: 60 });
    await loop.api('POST', `/api/v1/cases/${c.id}/notes`, { text: 'Follow-up', minutesSpent: 30 });
    await loop.api('POST', `/api/v1/cases/${c.id}/notes`, { text: 'No time logged' });
    const bad = await raw('POST', `/api/v1/cases/${c.id}/notes`, { text: 'x', minutesSpent: -5 });
    expect(problemOf(bad).errors?.[0].field).toBe('body.minutesSpent');
    const now = t.clock.now();
    const window = { from: new Date(now.getTime() - 86_400_000), before: new Date(now.getTime() + 1000) };
    const [source] = caseHoursSources(t.ctx);
    const hours = await t.ctx.db.withOrg(loop.org.orgId, async (tx) => [
      ...(await source(tx, loop.org.orgId, window)),
    ]);
    expect(c.customerId).toEqual(expect.any(String));
    expect(hours.filter((h) => h.customerId === c.customerId)).toEqual([
      { customerId: c.customerId, hours: 1.5 },
    ]);
  });

  it('shows open cases on the profile, exports cases with notes, and erases note texts', async () => {
    await upsertCustomers(t, loop.org, [{ externalId: 'gdpr-1', email: 'gdpr@example.com' }]);
    const c = await loop.api('POST', '/api/v1/cases', { title: 'Broken zip', customerExternalId: 'gdpr-1' });
    await loop.api('POST', `/api/v1/cases/${c.id}/notes`, { text: 'Customer lives at Long Street 5' });
    const profile = await loop.api('GET', '/api/v1/customers/gdpr-1');
    expect(profile.openCases).toEqual([expect.objectContaining({ id: c.id, status: 'new' })]);
    const exported = await loop.api('GET', '/api/v1/customers/gdpr-1/export');
    expect(JSON.stringify(exported.cases)).toContain('Customer lives at Long Street 5');
    await loop.api('DELETE', '/api/v1/customers/gdpr-1');
    const after = await loop.api('GET', `/api/v1/cases/${c.id}`);
    expect(after.timeline.find((e: { kind: string }) => e.kind === 'note').text).toBeNull();
    expect(JSON.stringify(after)).not.toContain('Long Street');
  });
});
