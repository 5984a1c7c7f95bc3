import { createRandom } from '../lib/seeded-random';
import { reviewTiers } from '../modules/loyalty/use-cases/tier-engine';
import { withSeedingClock } from './seeding-clock';
import type { DemoStep } from './steps';

const DAY_MS = 86_400_000;

/** The café's tiers, in its own words (Polish): points earned in a year, and what each brings. */
const TIERS = [
  {
    code: 'brazowy',
    name: 'Brązowy',
    threshold: 0,
    benefits: [{ code: 'birthday-coffee', description: 'Kawa w dniu urodzin', perkCode: 'birthday-coffee' }],
  },
  {
    code: 'srebrny',
    name: 'Srebrny',
    threshold: 500,
    benefits: [
      { code: 'birthday-coffee', description: 'Kawa w dniu urodzin', perkCode: 'birthday-coffee' },
      { code: 'refill', description: 'Darmowa dolewka kawy filtrowanej', perkCode: 'free-refill' },
    ],
  },
  {
    code: 'zloty',
    name: 'Złoty',
    threshold: 1500,
    benefits: [
      { code: 'birthday-coffee', description: 'Kawa w dniu urodzin', perkCode: 'birthday-coffee' },
      { code: 'refill', description: 'Darmowa dolewka kawy filtrowanej', perkCode: 'free-refill' },
      { code: 'delivery', description: 'Darmowa dostawa zamówień z wypiekami', perkCode: 'free-delivery' },
    ],
  },
];

/** The rewards catalogue: coffee any day, cake within a weekly limit, a few things in short supply. */
const REWARDS = [
  { name: 'Kawa do wyboru', pointsCost: 150, perCustomerLimit: 1, limitPeriod: 'day' },
  { name: 'Kawałek sernika', pointsCost: 250, stock: 60, perCustomerLimit: 2, limitPeriod: 'week' },
  { name: 'Śniadanie dla dwojga', pointsCost: 900, stock: 15 },
  { name: 'Kubek Kompas', pointsCost: 1200, stock: 6, perCustomerLimit: 1, limitPeriod: 'ever' },
] as const;

/**
 * Tiers and rewards of the café: Bronze, Silver and Gold by points earned in a year (downgraded
 * at the year's end), a catalogue of coffee, cake, breakfast and a mug, redemptions by regular
 * customers over the last months — some turned away when the mugs ran out — and a cancelled one
 * whose points came back.
 */
export const loyaltyTiersStep: DemoStep = {
  name: 'loyalty tiers and rewards',
  available: ({ api }) =>
    api.has('POST', '/api/v1/loyalty/tiers') && api.has('POST', '/api/v1/loyalty/adjustments'),
  async run(ctx) {
    const rnd = createRandom(51);
    await ctx.api.call('PATCH', '/api/v1/settings/loyalty-tiers', {
      basis: 'points_earned',
      windowDays: 365,
      downgrade: 'period_end',
      reviewPeriod: 'year',
      downgradeNoticeDays: 14,
      expiryNoticeDays: 14,
    });
    for (const tier of TIERS) await ctx.api.call('POST', '/api/v1/loyalty/tiers', tier);
    const rewards: { id: string; pointsCost: number; name: string }[] = [];
    for (const r of REWARDS) rewards.push(await ctx.api.call('POST', '/api/v1/loyalty/rewards', r));

    // Regular customers redeem: the most frequent buyers, a few redemptions each.
    const counts = new Map<string, number>();
    for (const e of ctx.data.events)
      if (e.type === 'purchase')
        counts.set(e.customerExternalId, (counts.get(e.customerExternalId) ?? 0) + 1);
    const regulars = [...counts]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, 40)
      .map(([id]) => id);
    const redeemed: string[] = [];
    await withSeedingClock(ctx.app.ctx, async (setNow) => {
      for (const [i, customer] of regulars.entries()) {
        const { balance } = await ctx.api.call<{ balance: number }>(
          'GET',
          `/api/v1/customers/${customer}/points`,
        );
        // Customers the program reached before its earn rules get their welcome points.
        if (balance < 1500)
          await ctx.api.call('POST', '/api/v1/loyalty/adjustments', {
            customerExternalId: customer,
            points: 1500 - balance,
            reason: 'Punkty powitalne programu lojalnościowego',
          });
        const times = 1 + Math.floor(rnd.next() * 3);
        for (let k = 0; k < times; k++) {
          setNow(new Date(ctx.now.getTime() - Math.floor((1 + rnd.next() * 120) * DAY_MS)));
          // Every fifth customer wants a mug: only six are there.
          const reward = i % 5 === 0 && k === 0 ? rewards[3] : rewards[Math.floor(rnd.next() * 3)];
          try {
            const r = await ctx.api.call<{ id: string }>('POST', '/api/v1/loyalty/redemptions', {
              customerExternalId: customer,
              rewardId: reward.id,
            });
            redeemed.push(r.id);
          } catch (err) {
            // Out of stock or past the customer's limit: refused, as it would be at the counter.
            if (!/answered 409/.test(String(err))) throw err;
          }
        }
      }
    });
    // A customer changed their mind: the redemption is cancelled and the points come back.
    if (redeemed.length)
      await ctx.api.call('POST', `/api/v1/loyalty/redemptions/${redeemed[0]}/cancel`, {
        reason: 'Klient zmienił zdanie',
      });
    await reviewTiers(ctx.app.ctx, ctx.orgId);
    ctx.counts.redemptions = redeemed.length;
    ctx.progress('loyalty tiers and rewards', redeemed.length);
  },
};
