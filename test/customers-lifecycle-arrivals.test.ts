import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recomputeCustomers } from '../src/modules/customers/use-cases/recompute';
import { api } from './helpers/api';
import { createTestApp, type TestApp } from './helpers/app';
import { daysAgo } from './helpers/customers';
import { ENGINES } from './helpers/db';

/**
 * Stages decided as events arrive must be the stages the daily recompute decides from the same
 * events at the same instant, however the events are dated and batched: arrivals leave out only
 * the customers whose stage they cannot move.
 */
const arbitraryEvent = fc.record({
  customer: fc.integer({ min: 0, max: 1 }),
  type: fc.constantFrom('purchase', 'purchase', 'purchase', 'referral', 'survey_response', 'visit'),
  // mostly on either side of a window's edge: 180 days (active), 365 (regular, referral)
  days: fc.oneof(
    { arbitrary: fc.constantFrom(0, 179, 180, 181, 364, 365, 366), weight: 3 },
    { arbitrary: fc.integer({ min: 0, max: 500 }), weight: 1 },
  ),
  nps: fc.constantFrom(3, 8, 9),
});

const purchase = (days: number) => ({ customer: 0, type: 'purchase', days, nps: 0 });
const referral = (days: number) => ({ customer: 0, type: 'referral', days, nps: 0 });

describe.each(ENGINES)('stages on arrival agree with the recompute on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t?.close());

  it('leaves the daily recompute nothing to change, whatever the events and their batches', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(arbitraryEvent, { minLength: 1, maxLength: 30 }),
        fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 30 }),
        async (events, batchSizes) => {
          const org = await t.createOrg();
          const call = api(t, org).call;
          const bodies = events.map((e, i) => ({
            id: `e${i}`,
            type: e.type,
            customerExternalId: `c${e.customer}`,
            occurredAt: daysAgo(t, e.days),
            ...(e.type === 'purchase' ? { amount: 1000 } : {}),
            ...(e.type === 'survey_response' ? { data: { nps: e.nps } } : {}),
          }));
          for (let from = 0, k = 0; from < bodies.length; k++) {
            const size = batchSizes[k % batchSizes.length];
            const res = await call('POST', '/api/v1/events/batch', {
              events: bodies.slice(from, from + size),
            });
            expect(res.status, res.text).toBe(200);
            from += size;
          }
          const { stageChanges } = await recomputeCustomers(t.ctx, org.orgId);
          expect(stageChanges).toBe(0);
        },
      ),
      {
        numRuns: 30, // the history property of customers-history.test.ts covers the same ground in event time
        // each window's last day, reached by an event arriving after the customer's stage was set
        examples: [
          [
            [purchase(0), purchase(0), purchase(365)],
            [2, 1],
          ], // buyer → regular
          [
            [purchase(200), purchase(180)],
            [1, 1],
          ], // lost → buyer
          [
            [purchase(0), purchase(0), purchase(0), referral(365)],
            [3, 1],
          ], // regular → loyal
        ],
      },
    );
  });
});
