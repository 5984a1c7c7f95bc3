import { awaitJob } from './await-job';
import { chunks } from './demo-api';
import type { DemoStep } from './steps';

const BATCH = 1000;

/** The people, through `POST /customers/batch` as an integration would send them. */
export const customersStep: DemoStep = {
  name: 'customers',
  available: ({ api }) => api.has('POST', '/api/v1/customers/batch'),
  async run(ctx) {
    const all = ctx.data.customers;
    let done = 0;
    for (const batch of chunks(all, BATCH)) {
      await ctx.api.call('POST', '/api/v1/customers/batch', { customers: batch });
      done += batch.length;
      ctx.progress('customers', done / all.length);
    }
    ctx.counts.customers = all.length;
  },
};

/** Two years of visits, purchases and referrals, through `POST /events/batch`, oldest first. */
export const eventsStep: DemoStep = {
  name: 'purchases',
  available: ({ api }) => api.has('POST', '/api/v1/events/batch'),
  async run(ctx) {
    const all = ctx.data.events;
    let done = 0;
    for (const batch of chunks(all, 2 * BATCH)) {
      await ctx.api.call('POST', '/api/v1/events/batch', {
        events: batch.map((e) => ({
          type: e.type,
          customerExternalId: e.customerExternalId,
          occurredAt: e.occurredAt.toISOString(),
          ...(e.amountMinor === undefined ? {} : { amount: e.amountMinor, currency: 'PLN' }),
          channel: e.channel,
          touchpoint: e.touchpoint,
        })),
      });
      done += batch.length;
      ctx.progress('purchases', done / all.length);
    }
    ctx.counts.events = all.length;
  },
};

/** RFM scores and segments, computed by the customers module's own job. */
export const rfmStep: DemoStep = {
  name: 'rfm',
  available: ({ api }) => api.has('POST', '/api/v1/analytics/rfm/recompute'),
  async run(ctx) {
    const { jobId } = await ctx.api.call<{ jobId: number }>('POST', '/api/v1/analytics/rfm/recompute');
    await awaitJob(ctx, jobId);
  },
};
