import { createRandom } from '../lib/seeded-random';
import { findCustomerByExternalId } from '../modules/customers/api';
import { exposuresOf } from '../modules/loyalty/data/repo-offers';
import { offersForCustomer } from '../modules/loyalty/use-cases/offers';
import { MENU } from './basket-sample';
import { chunks } from './demo-api';
import { withSeedingClock } from './seeding-clock';
import type { DemoStep } from './steps';

const DAY_MS = 86_400_000;

type ShownOffer = { id: string; items: { sku: string }[] };

/**
 * Offers of the café, each held back from a fifth of the customers it is for: a croissant with the
 * morning coffee for regulars (it works: shown customers buy one three times as often), a come-back
 * discount for lost customers (it hardly moves them) and items picked from the basket rules. The
 * customers' visits over the last two months show them what they are eligible for; what they buy
 * afterwards follows those planted effects, so the Offers tab reports something true.
 */
export const loyaltyOffersStep: DemoStep = {
  name: 'offers',
  available: ({ api }) => api.has('POST', '/api/v1/loyalty/offers'),
  async run(ctx) {
    const rnd = createRandom(54);
    const startsAt = new Date(ctx.now.getTime() - 70 * DAY_MS).toISOString();
    const croissant = MENU.find((m) => m.sku === 'CROISSANT')!;
    const pastry = await ctx.api.call<{ id: string }>('POST', '/api/v1/loyalty/offers', {
      name: 'Croissant do porannej kawy',
      description: 'Do każdej kawy przed 11:00 croissant za pół ceny.',
      kind: 'product',
      stages: ['regular', 'loyal'],
      items: [croissant.sku],
      startsAt,
      holdoutShare: 0.2,
      conversionWindowDays: 14,
      priority: 10,
    });
    const comeBack = await ctx.api.call<{ id: string }>('POST', '/api/v1/loyalty/offers', {
      name: 'Wróć do nas: −15%',
      description: 'Rabat 15% na następną wizytę.',
      kind: 'discount',
      stages: ['lost'],
      startsAt,
      holdoutShare: 0.2,
      conversionWindowDays: 21,
    });
    const picked = await ctx.api.call<{ id: string }>('POST', '/api/v1/loyalty/offers', {
      name: 'Wybrane dla Ciebie',
      description: 'Pozycje z menu, które często biorą goście o podobnym guście.',
      kind: 'product',
      source: 'recommendation',
      stages: ['buyer', 'regular', 'loyal'],
      startsAt,
      holdoutShare: 0.2,
      conversionWindowDays: 14,
    });
    const offerIds = [pastry.id, comeBack.id, picked.id];
    // The chance of buying what the offer is about within its window: shown, and held out.
    const effect: Record<string, [number, number]> = {
      [pastry.id]: [0.36, 0.12],
      [comeBack.id]: [0.1, 0.09],
      [picked.id]: [0.22, 0.1],
    };
    /** Customers who visit in the two months: most of a small café's, at most this many. */
    const people = ctx.data.customers
      .map((c) => c.externalId)
      .filter(() => rnd.next() < 0.7)
      .slice(0, 600);
    const visits = people.map((id) => ({
      id,
      at: new Date(ctx.now.getTime() - (15 + rnd.next() * 45) * DAY_MS),
    }));
    visits.sort((a, b) => a.at.getTime() - b.at.getTime());
    const purchases: Record<string, unknown>[] = [];
    let done = 0;
    await withSeedingClock(ctx.app.ctx, async (setNow) => {
      for (const v of visits) {
        setNow(v.at);
        // The café's site asks for the customer's offers at each visit (the use case behind
        // GET /customers/{externalId}/offers, called directly: hundreds of visits a minute are the site's,
        // not one API key's).
        const shown: ShownOffer[] = (await offersForCustomer(ctx.app.ctx, ctx.orgId, v.id, 10)).items;
        // What the visit exposed the customer to, shown or held out (read directly: no API call per visit).
        const exposures = await ctx.app.ctx.db.withOrg(ctx.orgId, async (tx) => {
          const c = await findCustomerByExternalId(tx, ctx.orgId, v.id);
          return c ? [...(await exposuresOf(tx, ctx.orgId, c.id, offerIds)).values()] : [];
        });
        for (const x of exposures) {
          const o = {
            offerId: x.offerId,
            heldOut: x.arm === 'holdout',
            exposedAt: x.exposedAt.toISOString(),
            items: x.items,
          };
          const odds = effect[o.offerId];
          if (!odds || Date.parse(o.exposedAt) !== v.at.getTime()) continue;
          if (rnd.next() >= odds[o.heldOut ? 1 : 0]) continue;
          const window = o.offerId === comeBack.id ? 21 : 14;
          const at = new Date(v.at.getTime() + (0.5 + rnd.next() * (window - 1)) * DAY_MS);
          if (at >= ctx.now) continue;
          // A held-out customer of the recommendation offer may buy what would have been shown.
          const recommended = shown.find((s) => s.id === o.offerId)?.items[0]?.sku ?? o.items[0];
          const sku =
            o.offerId === pastry.id
              ? croissant.sku
              : o.offerId === picked.id
                ? (recommended ?? null)
                : MENU[Math.floor(rnd.next() * 8)].sku;
          if (!sku) continue;
          const item = MENU.find((m) => m.sku === sku) ?? MENU[0];
          purchases.push({
            id: `demo-offer-${o.offerId.slice(0, 8)}-${v.id}`,
            type: 'purchase',
            customerExternalId: v.id,
            occurredAt: at.toISOString(),
            amount: item.priceMinor + 1400,
            currency: 'PLN',
            channel: 'store',
            touchpoint: 'cafe',
            items: [
              {
                sku: item.sku,
                name: item.name,
                category: item.category,
                quantity: 1,
                priceMinor: item.priceMinor,
              },
              { sku: 'LATTE', name: 'Latte', category: 'kawa', quantity: 1, priceMinor: 1400 },
            ],
          });
        }
        ctx.progress('offers', (++done / visits.length) * 0.8);
      }
    });
    purchases.sort((a, b) => String(a.occurredAt).localeCompare(String(b.occurredAt)));
    for (const batch of chunks(purchases, 1000))
      await ctx.api.call('POST', '/api/v1/events/batch', { events: batch });
    ctx.counts.offers = 3;
    ctx.counts.offerConversions = purchases.length;
    ctx.progress('offers', 1);
  },
};
