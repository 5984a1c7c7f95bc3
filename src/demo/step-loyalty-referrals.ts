import { createRandom } from '../lib/seeded-random';
import { rewardDueReferrals } from '../modules/loyalty/use-cases/referrals';
import { MENU } from './basket-sample';
import { withSeedingClock } from './seeding-clock';
import { withEventRulesAtRest } from './step-cases';
import type { DemoStep } from './steps';

const DAY_MS = 86_400_000;
/** Referrals over the last this many days: the older ones have qualified and been rewarded. */
const SPAN_DAYS = 240;

type Plan = {
  at: Date;
  referrer: string;
  referred: string;
  email: string | null;
  /** Days after naming the code of the first purchase (none: not yet bought). */
  buysAfter: number | null;
  /** Days after the purchase it was refunded (none: kept). */
  refundAfter: number | null;
};

/**
 * Referrals of the café: regular customers hand out their codes and links; friends name them when
 * they sign up, buy, and after the qualifying period both earn points (the daily job, run as the
 * days pass). A few customers try to refer themselves under
 * another address or refer people who already bought, and one keen customer passes the cap of
 * rewarded referrals: each of those is refused, visibly, with its reason.
 */
export const loyaltyReferralsStep: DemoStep = {
  name: 'referrals',
  available: ({ api }) => api.has('POST', '/api/v1/loyalty/referrals'),
  async run(ctx) {
    const rnd = createRandom(52);
    const purchases = ctx.data.events.filter((e) => e.type === 'purchase');
    const counts = new Map<string, number>();
    for (const e of purchases) counts.set(e.customerExternalId, (counts.get(e.customerExternalId) ?? 0) + 1);
    const regulars = [...counts].filter(([, n]) => n >= 3).map(([id]) => id);
    if (regulars.length < 5) return;
    const emails = new Map(ctx.data.customers.map((c) => [c.externalId, c.email]));
    await ctx.api.call('PATCH', '/api/v1/settings/referrals', {
      qualifyingDays: 30,
      referrerPoints: 500,
      referredPoints: 250,
      capCount: 5,
      capDays: 365,
      landingUrl: null,
    });
    const referrers = regulars.slice(0, Math.min(40, Math.ceil(regulars.length / 4)));
    const codes = new Map<string, string>();
    for (const r of referrers) {
      const { code } = await ctx.api.call<{ code: string }>('GET', `/api/v1/customers/${r}/referral`);
      codes.set(r, code);
      // Friends open the link before some of them sign up.
      for (let v = Math.floor(rnd.next() * 4); v > 0; v--)
        await ctx.app.inject({ method: 'GET', url: `/ref/${code}` });
    }
    const plans: Plan[] = [];
    const dayAgo = (d: number) =>
      new Date(ctx.now.getTime() - d * DAY_MS + Math.floor(rnd.next() * 8 * 3_600_000));
    let n = 0;
    const friend = () => `demo-friend-${++n}`;
    for (const r of referrers) {
      const friends = 1 + Math.floor(rnd.next() * 3);
      for (let i = 0; i < friends; i++) {
        const id = friend();
        const buys = rnd.next() < 0.85;
        plans.push({
          at: dayAgo(5 + rnd.next() * SPAN_DAYS),
          referrer: r,
          referred: id,
          email: `${id}@demo.orientir.example`,
          buysAfter: buys ? 1 + Math.floor(rnd.next() * 10) : null,
          // A refund would open a case in the closed loop (its default rule); the demo's cases tell their own story.
          refundAfter: null,
        });
      }
    }
    // One keen customer refers eight friends within a few months: past the cap of five, no reward.
    for (let i = 0; i < 8; i++) {
      const id = friend();
      plans.push({
        at: dayAgo(200 - i * 12),
        referrer: referrers[0],
        referred: id,
        email: `${id}@demo.orientir.example`,
        buysAfter: 2,
        refundAfter: null,
      });
    }
    // Customers naming their own code under another customer record with their own e-mail.
    for (const r of referrers.slice(1, 4))
      plans.push({
        at: dayAgo(20 + rnd.next() * 100),
        referrer: r,
        referred: friend(),
        email: emails.get(r) ?? null,
        buysAfter: 1,
        refundAfter: null,
      });
    // Existing buyers are not referred.
    for (const b of regulars.slice(-3))
      plans.push({
        at: dayAgo(10 + rnd.next() * 60),
        referrer: referrers[1 % referrers.length],
        referred: b,
        email: null,
        buysAfter: null,
        refundAfter: null,
      });
    plans.sort((a, b) => a.at.getTime() - b.at.getTime());

    const cafe = MENU.slice(0, 12);
    let done = 0;
    await withSeedingClock(ctx.app.ctx, async (setNow) => {
      for (const p of plans) {
        setNow(p.at);
        // The daily job, as the days pass (every few referrals is often enough for the story).
        if (done % 5 === 0) await rewardDueReferrals(ctx.app.ctx, ctx.orgId);
        if (p.email && p.referred.startsWith('demo-friend-'))
          await ctx.api.call('POST', '/api/v1/customers/batch', {
            customers: [{ externalId: p.referred, email: p.email, locale: 'pl' }],
          });
        await ctx.api.call('POST', '/api/v1/loyalty/referrals', {
          code: codes.get(p.referrer),
          customerExternalId: p.referred,
        });
        if (p.buysAfter !== null) {
          const boughtAt = new Date(p.at.getTime() + p.buysAfter * DAY_MS);
          if (boughtAt < ctx.now) {
            const item = cafe[Math.floor(rnd.next() * cafe.length)];
            const id = `demo-referral-buy-${p.referred}`;
            const events: unknown[] = [
              {
                id,
                type: 'purchase',
                customerExternalId: p.referred,
                occurredAt: boughtAt.toISOString(),
                amount: item.priceMinor * 2,
                currency: 'PLN',
                channel: 'store',
                touchpoint: 'cafe',
                items: [
                  {
                    sku: item.sku,
                    name: item.name,
                    category: item.category,
                    quantity: 2,
                    priceMinor: item.priceMinor,
                  },
                ],
              },
            ];
            const refundAt =
              p.refundAfter === null ? null : new Date(boughtAt.getTime() + p.refundAfter * DAY_MS);
            if (refundAt && refundAt < ctx.now)
              events.push({
                id: `${id}-refund`,
                type: 'refund',
                customerExternalId: p.referred,
                occurredAt: refundAt.toISOString(),
                amount: item.priceMinor * 2,
                currency: 'PLN',
                data: { purchaseEventId: id },
              });
            setNow(refundAt && refundAt < ctx.now ? refundAt : boughtAt);
            const post = () => ctx.api.call('POST', '/api/v1/events/batch', { events });
            // A returned purchase of the past opens no case: the demo's cases are its answers'.
            await (events.length > 1 ? withEventRulesAtRest(ctx, post) : post());
          }
        }
        ctx.progress('referrals', (++done / plans.length) * 0.95);
      }
      setNow(ctx.now);
      await rewardDueReferrals(ctx.app.ctx, ctx.orgId);
    });
    const list = await ctx.api.call<{ totals: { byStatus: Record<string, number> } }>(
      'GET',
      '/api/v1/loyalty/referrals?limit=1',
    );
    ctx.counts.referrals = Object.values(list.totals.byStatus).reduce((a, b) => a + b, 0);
    ctx.counts.referralsRewarded = list.totals.byStatus.rewarded ?? 0;
    ctx.progress('referrals', 1);
  },
};
