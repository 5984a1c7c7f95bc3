import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainEvents } from '../src/events/bus';
import { supplyAliveProbabilities } from '../src/modules/customers/api';
import { REVIEW_JOB } from '../src/modules/customers/use-cases/recompute';
import { type Api, api } from './helpers/api';
import { createTestApp, type TestApp, type TestOrg } from './helpers/app';
import { daysAgo, problemOf } from './helpers/customers';
import { ENGINES } from './helpers/db';
import { createSurvey } from './surveys/helpers';

const DAY_MS = 86_400_000;

describe.each(ENGINES)('lifecycle stages on %s', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  let call: Api['call'];
  const changes: DomainEvents['customer.stage_changed'][] = [];
  beforeAll(async () => {
    t = await createTestApp(engine);
    t.ctx.bus.on('customer.stage_changed', async (_tx, c) => {
      changes.push(c);
    });
    org = await t.createOrg();
    call = api(t, org).call;
  });
  afterAll(() => t?.close());

  let seq = 0;
  const event = (customer: string, type: string, days: number, extra: Record<string, unknown> = {}) => ({
    id: `ev-${++seq}`,
    type,
    customerExternalId: customer,
    occurredAt: daysAgo(t, days),
    ...extra,
  });
  // Histories are written by the job a batch leaves due: it runs before anything is read.
  const send = async (...events: ReturnType<typeof event>[]) => {
    const res = await call('POST', '/api/v1/events/batch', { events });
    expect(res.status, res.text).toBe(200);
    await t.ctx.jobs.runDue();
  };
  const stageOf = async (externalId: string) =>
    (await call('GET', `/api/v1/customers/${externalId}`)).json().lifecycleStage;
  const reviewDaily = async () => {
    await t.ctx.jobs.enqueue(REVIEW_JOB, { orgId: org.orgId });
    await t.ctx.jobs.runDue();
  };

  it('moves customers through potential, visitor, buyer and regular as events arrive', async () => {
    await call('POST', '/api/v1/customers/batch', { customers: [{ externalId: 'known' }] });
    expect(await stageOf('known')).toBe('potential');

    await send(event('walker', 'visit', 3));
    expect(await stageOf('walker')).toBe('visitor');

    await send(event('two', 'purchase', 10, { amount: 100 }), event('two', 'purchase', 5, { amount: 100 }));
    expect(await stageOf('two')).toBe('buyer');

    // exactly three purchases within the window make a regular; two do not
    await send(
      event('three', 'purchase', 100, { amount: 100 }),
      event('three', 'purchase', 50, { amount: 100 }),
    );
    expect(await stageOf('three')).toBe('buyer');
    await send(event('three', 'purchase', 1, { amount: 100 }));
    expect(await stageOf('three')).toBe('regular');

    // a purchase 365 days ago is within the window, 366 is not
    await send(
      event('edge365', 'purchase', 365, { amount: 1 }),
      event('edge365', 'purchase', 10, { amount: 1 }),
      event('edge365', 'purchase', 9, { amount: 1 }),
    );
    expect(await stageOf('edge365')).toBe('regular');
    await send(
      event('edge366', 'purchase', 366, { amount: 1 }),
      event('edge366', 'purchase', 10, { amount: 1 }),
      event('edge366', 'purchase', 9, { amount: 1 }),
    );
    expect(await stageOf('edge366')).toBe('buyer');

    const three = changes.filter((c) => c.externalId === 'three').map((c) => [c.from, c.to]);
    expect(three).toEqual([
      ['potential', 'buyer'],
      ['buyer', 'regular'],
    ]);
    const history = (await call('GET', '/api/v1/customers/three')).json().stageHistory;
    expect(history.map((h: { from: string; to: string }) => `${h.from}>${h.to}`)).toEqual([
      'buyer>regular',
      'potential>buyer',
    ]);
    // dated when it happened: the third purchase, a day ago
    expect(new Date(history[0].at).toISOString()).toBe(daysAgo(t, 1));
  });

  it('makes a regular loyal on a promoter answer or a referral, and the latest NPS counts', async () => {
    const regular = (id: string) =>
      send(
        event(id, 'purchase', 30, { amount: 100 }),
        event(id, 'purchase', 20, { amount: 100 }),
        event(id, 'purchase', 10, { amount: 100 }),
      );
    await regular('promoter');
    await send(event('promoter', 'survey_response', 5, { data: { nps: 8 } }));
    expect(await stageOf('promoter')).toBe('regular');
    await send(event('promoter', 'survey_response', 4, { data: { nps: 9 } }));
    expect(await stageOf('promoter')).toBe('loyal');
    // an older answer arriving late does not replace the latest
    await send(event('promoter', 'survey_response', 50, { data: { nps: 3 } }));
    expect(await stageOf('promoter')).toBe('loyal');

    await regular('referrer');
    await send(event('referrer', 'referral', 2));
    expect(await stageOf('referrer')).toBe('loyal');

    // NPS from the surveys module arrives with its survey_response event
    await regular('surveyed');
    const survey = await createSurvey(t, org);
    const respond = async (nps: number) => {
      const res = await call('POST', `/api/v1/surveys/${survey.id}/responses/batch`, {
        responses: [
          { answers: { nps }, customerExternalId: 'surveyed', submittedAt: t.clock.now().toISOString() },
        ],
      });
      expect(res.status, res.text).toBe(200);
    };
    await respond(10);
    expect(await stageOf('surveyed')).toBe('loyal');
    t.clock.advance(1000);
    await respond(6);
    expect(await stageOf('surveyed')).toBe('regular');
    expect((await call('GET', '/api/v1/customers/surveyed')).json().lastNps).toBe(6);
  });

  it('a survey response alone makes a known customer a visitor', async () => {
    await call('POST', '/api/v1/customers/batch', { customers: [{ externalId: 'asked' }] });
    const survey = await createSurvey(t, org);
    const res = await call('POST', `/api/v1/surveys/${survey.id}/responses/batch`, {
      responses: [{ answers: { nps: 7 }, customerExternalId: 'asked' }],
    });
    expect(res.status, res.text).toBe(200);
    expect(await stageOf('asked')).toBe('visitor');
  });

  it('loses a buyer after 180 days without a purchase: day 180 is still active, day 181 is lost', async () => {
    await send(event('sleeper', 'purchase', 179, { amount: 100 }));
    t.clock.advance(DAY_MS); // the purchase is now 180 days ago
    await reviewDaily();
    expect(await stageOf('sleeper')).toBe('buyer');
    t.clock.advance(DAY_MS); // 181 days
    await reviewDaily();
    expect(await stageOf('sleeper')).toBe('lost');
    expect(changes.at(-1)).toMatchObject({ externalId: 'sleeper', from: 'buyer', to: 'lost' });
    // lost as of the start of the day the purchase turned 181 days old (UTC here), not when noticed
    const lostOn = new Date(daysAgo(t, 0).slice(0, 10));
    expect(changes.at(-1)?.at.toISOString()).toBe(lostOn.toISOString());

    // a lost customer who buys again is a buyer again
    await send(event('sleeper', 'purchase', 0, { amount: 100 }));
    expect(await stageOf('sleeper')).toBe('buyer');
  });

  it('counts calendar days in the organization time zone', async () => {
    const warsaw = await t.createOrg();
    const as = api(t, warsaw);
    await as.patch('/api/v1/org', { timeZone: 'Europe/Warsaw' });
    const now = t.clock.now(); // 09:00 UTC = 10:00 in Warsaw
    // 180 local days before today, at 00:30 local time (23:30 UTC the day before)
    const day = new Date(now.getTime() - 180 * DAY_MS);
    const early = new Date(
      Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()) - 30 * 60 * 1000,
    );
    const res = await as.post('/api/v1/events/batch', {
      events: [{ type: 'purchase', customerExternalId: 'tz', occurredAt: early.toISOString(), amount: 1 }],
    });
    expect(res.status).toBe(200);
    const profile = await as.get('/api/v1/customers/tz');
    // in UTC the purchase fell on day 181 (lost); in Warsaw it is day 180 (still a buyer)
    expect(profile.json().lifecycleStage).toBe('buyer');
  });

  it('takes p(alive) from the value model when the organization asks for it', async () => {
    await send(event('fading', 'purchase', 20, { amount: 100 }));
    const [{ id }] = await t.ctx.db.queryOwner<{ id: string }>(
      'select id from customers where org_id = $1 and external_id = $2',
      [org.orgId, 'fading'],
    );
    const supply = (p: number) =>
      t.ctx.db.withOrg(org.orgId, (tx) =>
        supplyAliveProbabilities(t.ctx, tx, org.orgId, [{ customerId: id, aliveProbability: p }]),
      );
    await supply(0.1);
    expect(await stageOf('fading')).toBe('buyer'); // no threshold set: p(alive) is not used
    const patched = await call('PATCH', '/api/v1/settings/lifecycle', { lostAliveBelow: 0.2 });
    expect(patched.json()).toMatchObject({ lostAliveBelow: 0.2, regularMinPurchases: 3, lostAfterDays: 180 });
    await t.ctx.jobs.runDue(); // the settings change queued a recompute
    expect(await stageOf('fading')).toBe('lost');
    await supply(0.5);
    expect(await stageOf('fading')).toBe('buyer');
    await call('PATCH', '/api/v1/settings/lifecycle', { lostAliveBelow: null });
  });

  it('applies changed thresholds and refuses bad ones naming the field', async () => {
    await send(
      event('pair', 'purchase', 40, { amount: 100 }),
      event('pair', 'purchase', 30, { amount: 100 }),
    );
    expect(await stageOf('pair')).toBe('buyer');
    await call('PATCH', '/api/v1/settings/lifecycle', { regularMinPurchases: 2 });
    await t.ctx.jobs.runDue();
    expect(await stageOf('pair')).toBe('regular');
    expect((await call('GET', '/api/v1/settings/lifecycle')).json().regularMinPurchases).toBe(2);
    const bad = await call('PATCH', '/api/v1/settings/lifecycle', { loyalMinNps: 11, lostAfterDays: 0 });
    expect(bad.status).toBe(400);
    expect(problemOf(bad).errors!.map((e) => e.field)).toEqual(['body.loyalMinNps', 'body.lostAfterDays']);
    await call('PATCH', '/api/v1/settings/lifecycle', { regularMinPurchases: 3 });
    await t.ctx.jobs.runDue();
  });

  it('reports counts per stage and the transition matrix of a period', async () => {
    const fresh = await t.createOrg();
    const call = api(t, fresh).call;
    const start = t.clock.now();
    await call('POST', '/api/v1/customers/batch', {
      customers: [{ externalId: 'x1' }, { externalId: 'x2' }, { externalId: 'x3' }],
    });
    const post = async (events: unknown[]) => {
      await call('POST', '/api/v1/events/batch', { events });
      await t.ctx.jobs.runDue();
    };
    await post([{ type: 'visit', customerExternalId: 'x1', occurredAt: daysAgo(t, 0) }]);
    await post([{ type: 'purchase', customerExternalId: 'x2', occurredAt: daysAgo(t, 0), amount: 1 }]);
    t.clock.advance(DAY_MS);
    await post([{ type: 'purchase', customerExternalId: 'x1', occurredAt: daysAgo(t, 0), amount: 1 }]);
    const report = (
      await call(
        'GET',
        `/api/v1/analytics/lifecycle?from=${start.toISOString()}&to=${t.clock.now().toISOString()}`,
      )
    ).json();
    expect(report.counts).toEqual({ potential: 1, visitor: 0, buyer: 2, regular: 0, loyal: 0, lost: 0 });
    expect(report.transitions).toEqual([
      { from: 'potential', to: 'buyer', count: 1 },
      { from: 'potential', to: 'visitor', count: 1 },
      { from: 'visitor', to: 'buyer', count: 1 },
    ]);
    expect(report.matrix.potential).toEqual({
      potential: 0,
      visitor: 1,
      buyer: 1,
      regular: 0,
      loyal: 0,
      lost: 0,
    });
    expect(report.matrix.visitor.buyer).toBe(1);

    // only the period asked for: the first day alone
    const firstDay = (
      await call(
        'GET',
        `/api/v1/analytics/lifecycle?from=${start.toISOString()}&to=${new Date(start.getTime() + 1000).toISOString()}`,
      )
    ).json();
    expect(firstDay.transitions).toHaveLength(2);
    const backwards = await call(
      'GET',
      `/api/v1/analytics/lifecycle?from=${t.clock.now().toISOString()}&to=${start.toISOString()}`,
    );
    expect(problemOf(backwards).errors![0].field).toBe('query.from');
    expect((await call('GET', '/api/v1/analytics/lifecycle?from=yesterday')).status).toBe(400);
  });

  it('recomputes every organization on the daily schedule', async () => {
    await send(event('scheduled', 'purchase', 180, { amount: 100 }));
    expect(await stageOf('scheduled')).toBe('buyer');
    t.clock.advance(DAY_MS + 1000); // the daily schedule is due, and the purchase is 181 days old
    await t.ctx.jobs.runDue();
    expect(await stageOf('scheduled')).toBe('lost');
    const jobs = await t.ctx.db.queryOwner<{ status: string }>(
      "select status from jobs where name = 'customers.review-stages' and org_id = $1",
      [org.orgId],
    );
    expect(jobs.length).toBeGreaterThan(0);
    expect(jobs.every((j) => j.status === 'done')).toBe(true);
  });
});
