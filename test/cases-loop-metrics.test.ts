import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../src/lib/clock';
import { type LoopOrg, setUpLoopOrg } from './cases/helpers';
import { api } from './helpers/api';
import { createTestApp, type TestApp } from './helpers/app';
import { problemOf } from './helpers/customers';
import { ENGINES } from './helpers/db';
import { emitResponse } from './helpers/responses';
import { upsertCustomers } from './surveys/helpers';

const T0 = new Date('2026-05-04T00:00:00Z');
const MINUTE = 60_000;
const ALWAYS = [['00:00', '24:00']];

describe.each(ENGINES)('loop metrics on %s', (engine) => {
  let t: TestApp;
  let loop: LoopOrg;

  beforeAll(async () => {
    t = await createTestApp(engine, {}, new ManualClock(T0));
    // Round the clock in UTC, so business minutes are plain minutes and the example adds up by hand.
    loop = await setUpLoopOrg(t, {
      timeZone: 'UTC',
      settings: {
        workingHours: {
          mon: ALWAYS,
          tue: ALWAYS,
          wed: ALWAYS,
          thu: ALWAYS,
          fri: ALWAYS,
          sat: ALWAYS,
          sun: ALWAYS,
        },
      },
    });
  });
  afterAll(() => t?.close());

  const at = (minutes: number) => t.clock.set(new Date(T0.getTime() + minutes * MINUTE));
  const caseOf = async (customerId: string | null) =>
    (await loop.api('GET', `/api/v1/cases?customerId=${customerId}`)).items[0];

  it('matches a hand-computed example', async () => {
    // Standard tier, normal priority: first response within 480 minutes, resolution within 2400.
    // The customers answered get e-mail addresses: a reply goes out only to an address.
    await upsertCustomers(t, loop.org, [
      { externalId: 'a', email: 'a@example.com' },
      { externalId: 'b', email: 'b@example.com' },
    ]);
    const a = await emitResponse(t.ctx, loop.org.orgId, { customer: 'a', scores: { nps: 2 } });
    const b = await emitResponse(t.ctx, loop.org.orgId, { customer: 'b', scores: { nps: 5 } });
    const c = await emitResponse(t.ctx, loop.org.orgId, { customer: 'c', scores: { nps: 6 } });
    await emitResponse(t.ctx, loop.org.orgId, { customer: 'e', scores: { nps: 10 } });
    at(30);
    await emitResponse(t.ctx, loop.org.orgId, { customer: 'a', scores: { csat: 1 } }); // joins a's case
    const [caseA, caseB, caseC] = [
      await caseOf(a.customerId),
      await caseOf(b.customerId),
      await caseOf(c.customerId),
    ];
    at(60);
    await loop.api('POST', `/api/v1/cases/${caseA.id}/notes`, { kind: 'reply', text: 'Sorry, fixing it' });
    at(600);
    await loop.api('POST', `/api/v1/cases/${caseB.id}/notes`, { kind: 'reply', text: 'Late, but here' });
    await loop.api('PATCH', `/api/v1/cases/${caseA.id}`, { status: 'resolved' });
    at(900);
    const d = await emitResponse(t.ctx, loop.org.orgId, { customer: 'd', scores: { nps: 1 } });
    await loop.api('PATCH', `/api/v1/cases/${caseB.id}`, { status: 'resolved' });
    at(1000);

    const [a1, a2] = loop.agents.map((x) => x.id);
    expect([caseA.ownerId, caseB.ownerId, caseC.ownerId, (await caseOf(d.customerId)).ownerId]).toEqual([
      a1,
      a2,
      a1,
      a2,
    ]);
    const from = new Date(T0.getTime() - 60 * MINUTE).toISOString();
    const to = new Date(T0.getTime() + 24 * 60 * MINUTE).toISOString();
    const m = await loop.api('GET', `/api/v1/analytics/loop?from=${from}&to=${to}`);
    expect(m).toMatchObject({
      // Five negative answers (a twice, b, c, d); a's two were answered in time, b late, c and d not yet.
      negativeResponses: 5,
      closedLoop: 2,
      closeTheLoopRate: 0.4,
      // First responses after 60 (a) and 600 (b) minutes; resolutions after 600 (a) and 900 (b).
      medianFirstResponseMinutes: 330,
      medianResolutionMinutes: 750,
      backlog: {
        open: 2,
        byAge: [
          { bucket: 'under_1d', count: 2 },
          { bucket: '1d_3d', count: 0 },
          { bucket: '3d_7d', count: 0 },
          { bucket: 'over_7d', count: 0 },
        ],
      },
    });
    // Settled so far: a met both targets; b answered late; c passed its first-response target. d is not due yet.
    expect(m.slaCompliance.overall).toEqual({ key: null, cases: 3, met: 1, compliance: 1 / 3 });
    expect(m.slaCompliance.byTeam).toEqual([{ key: 'care', cases: 3, met: 1, compliance: 1 / 3 }]);
    expect(m.slaCompliance.byTier).toEqual([{ key: 'standard', cases: 3, met: 1, compliance: 1 / 3 }]);
    expect(m.slaCompliance.byAgent).toEqual(
      expect.arrayContaining([
        { key: a1, cases: 2, met: 1, compliance: 0.5 },
        { key: a2, cases: 1, met: 0, compliance: 0 },
      ]),
    );
    expect(m.slaCompliance.byAgent).toHaveLength(2);

    const empty = await loop.api(
      'GET',
      '/api/v1/analytics/loop?from=2020-01-01T00:00:00Z&to=2020-02-01T00:00:00Z',
    );
    expect(empty).toMatchObject({
      negativeResponses: 0,
      closeTheLoopRate: null,
      medianFirstResponseMinutes: null,
    });
  });

  it('names the bad query field', async () => {
    const as = api(t, loop.org);
    const res = await as.get('/api/v1/analytics/loop?from=2026-05-02T00:00:00Z&to=2026-05-01T00:00:00Z');
    expect(res.status).toBe(400);
    expect(problemOf(res).errors?.[0].field).toBe('query.to');
    expect((await as.get('/api/v1/analytics/loop')).status).toBe(400);
  });
});
