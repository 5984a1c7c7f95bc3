import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from './helpers/api';
import { createTestApp, type TestApp, type TestOrg } from './helpers/app';
import { ENGINES } from './helpers/db';
import { emitResponse } from './helpers/responses';

/** The RFM segment computed by the customers module is what feedback breakdowns and case rules see. */
describe.each(ENGINES)('RFM segments across modules on %s', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  beforeAll(async () => {
    t = await createTestApp(engine);
    org = await t.createOrg();
  });
  afterAll(() => t?.close());

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
    api(t, org).ok(method, url, payload);

  it('breaks feedback down by the RFM segment and lets a case rule match it', async () => {
    const day = 86_400_000;
    const now = t.clock.now().getTime();
    // A single buyer: every percent_rank is 0, so R = F = M = 1 → segment "lost".
    await call('POST', '/api/v1/events/batch', {
      events: [
        {
          id: 'p-1',
          type: 'purchase',
          customerExternalId: 'buyer-1',
          occurredAt: new Date(now - 10 * day).toISOString(),
          amount: 5000,
          currency: 'EUR',
        },
      ],
    });
    await call('POST', '/api/v1/analytics/rfm/recompute');
    await t.ctx.jobs.runDue();
    const profile = await call('GET', '/api/v1/customers/buyer-1');
    expect(profile.rfm).toMatchObject({ segment: 'lost' });

    await call('POST', '/api/v1/case-rules', {
      name: 'Lost buyers',
      trigger: 'response',
      conditions: { segments: ['lost'] },
      priority: 'high',
    });
    await emitResponse(t.ctx, org.orgId, { customer: 'buyer-1', scores: { nps: 9 } });
    const nps = await call('GET', '/api/v1/metrics/nps?groupBy=segment');
    expect(nps.groups).toEqual([expect.objectContaining({ key: 'lost', n: 1 })]);
    const cases = await call('GET', '/api/v1/cases');
    expect(cases.items).toEqual([expect.objectContaining({ priority: 'high' })]);
  });
});
