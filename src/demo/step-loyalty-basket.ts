import { createRandom } from '../lib/seeded-random';
import { awaitJob } from './await-job';
import { BASKETS, MENU } from './basket-sample';
import { chunks } from './demo-api';
import type { DemoStep } from './steps';

const DAY_MS = 86_400_000;
/** The till sends line items for the last weeks only: older purchases stay as they were. */
const DAYS = 42;

/**
 * Basket rules of the café: purchases with their line items (baskets of the Groceries data mapped
 * to the café's menu), sent by the till for the last six weeks, then the rules mined from them.
 */
export const loyaltyBasketStep: DemoStep = {
  name: 'basket rules',
  available: ({ api }) =>
    api.has('POST', '/api/v1/loyalty/basket-rules/mine') && api.has('POST', '/api/v1/events/batch'),
  async run(ctx) {
    const rnd = createRandom(53);
    const buyers = [
      ...new Set(ctx.data.events.filter((e) => e.type === 'purchase').map((e) => e.customerExternalId)),
    ];
    if (!buyers.length) return;
    const baskets = BASKETS.split('|');
    const events = baskets.map((basket, i) => {
      const items = [...basket].map((ch) => {
        const item = MENU[ch.charCodeAt(0) - 48];
        return {
          sku: item.sku,
          name: item.name,
          category: item.category,
          quantity: 1,
          priceMinor: item.priceMinor,
        };
      });
      const day = Math.floor(rnd.next() * DAYS) + 1;
      const at = new Date(ctx.now.getTime() - day * DAY_MS + Math.floor(rnd.next() * 10 * 3_600_000));
      return {
        id: `demo-basket-${i + 1}`,
        type: 'purchase',
        customerExternalId: buyers[Math.floor(rnd.next() * buyers.length)],
        occurredAt: (at < ctx.now ? at : new Date(ctx.now.getTime() - DAY_MS)).toISOString(),
        amount: items.reduce((sum, x) => sum + x.priceMinor, 0),
        currency: 'PLN',
        channel: 'store',
        touchpoint: 'cafe',
        items,
      };
    });
    let done = 0;
    for (const batch of chunks(events, 1000)) {
      await ctx.api.call('POST', '/api/v1/events/batch', { events: batch });
      done += batch.length;
      ctx.progress('basket rules', (0.8 * done) / events.length);
    }
    // A café's menu is small: a rule must hold in 1 % of the baskets, with confidence of at least 20 %.
    if (ctx.api.has('PATCH', '/api/v1/settings/basket-rules')) {
      await ctx.api.call('PATCH', '/api/v1/settings/basket-rules', {
        minSupport: 0.01,
        minConfidence: 0.2,
        maxLength: 3,
      });
    }
    const { jobId } = await ctx.api.call<{ jobId: number }>('POST', '/api/v1/loyalty/basket-rules/mine');
    await awaitJob(ctx, jobId);
    const runs = await ctx.api.call<{ items: { rules: number | null }[] }>(
      'GET',
      '/api/v1/loyalty/basket-rules/runs?limit=1',
    );
    ctx.counts.basketRules = runs.items[0]?.rules ?? 0;
    ctx.progress('basket rules', 1);
  },
};
