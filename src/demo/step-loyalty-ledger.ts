import { createRandom } from '../lib/seeded-random';
import { findCustomers, pageEventsInTimeOrder } from '../modules/customers/api';
import { earnPastEvents } from '../modules/loyalty/use-cases/earn-events';
import { checkLedger, expirePoints } from '../modules/loyalty/use-cases/expiry';
import { withEventRulesAtRest } from './step-cases';
import type { DemoStep } from './steps';

const DAY_MS = 86_400_000;

/** The café's earn rules, in its own words (Polish). */
const RULES = [
  { name: 'Punkt za każdą złotówkę', kind: 'amount', pointsPerUnit: 1 },
  { name: 'Wypieki: 5 punktów za sztukę', kind: 'category', match: 'wypieki', pointsPerItem: 5 },
  { name: 'Złoty poziom: półtora raza więcej', kind: 'tier_multiplier', tierCode: 'zloty', multiplier: 1.5 },
];

/**
 * The café's points: one point per złoty spent, bakery items extra, gold members earning half as
 * much again, and a double-points autumn campaign last year; points expire a year after earning.
 * The program starts after two years of history, so the history is earned first, in time order
 * (earnPastEvents: each purchase once, with its lot's expiry counted from the purchase), and the
 * points past their year expire. Then some purchases are refunded (one after its points were
 * spent: that balance goes below zero, saying why), a few points are added or taken by hand, and
 * the nightly check runs once. Later steps (tiers, referrals, offers) earn and spend live.
 */
export const loyaltyLedgerStep: DemoStep = {
  name: 'loyalty points',
  available: ({ api }) => api.has('POST', '/api/v1/loyalty/earn-rules'),
  async run(ctx) {
    const rnd = createRandom(50);
    const year = new Date(ctx.now.getTime() - 365 * DAY_MS).getUTCFullYear();
    await ctx.api.call('PATCH', '/api/v1/settings/loyalty', {
      active: true,
      expiry: 'days_after_earning',
      expiryDays: 365,
      refundWhenSpent: 'negative_balance',
    });
    for (const rule of RULES) await ctx.api.call('POST', '/api/v1/loyalty/earn-rules', rule);
    await ctx.api.call('POST', '/api/v1/loyalty/earn-rules', {
      name: 'Jesień: podwójne punkty',
      kind: 'campaign',
      multiplier: 2,
      validFrom: `${year}-10-01T00:00:00+02:00`,
      validTo: `${year}-11-01T00:00:00+01:00`,
    });

    const app = ctx.app.ctx;
    const earned = await earnPastEvents(app, ctx.orgId);
    ctx.progress('loyalty points', 0.5);
    await expirePoints(app, ctx.orgId);

    // Refunds of recent purchases: a tenth of last month's, some in part.
    const since = new Date(ctx.now.getTime() - 60 * DAY_MS);
    const recent = await app.db.withOrg(ctx.orgId, (tx) =>
      pageEventsInTimeOrder(tx, ctx.orgId, ['purchase'], 5000, undefined, since),
    );
    const refunds = recent.filter((e) => (e.amountMinor ?? 0) > 0 && rnd.next() < 0.1).slice(0, 25);
    const externalIds = await app.db.withOrg(ctx.orgId, async (tx) => {
      const refs = await findCustomers(
        tx,
        ctx.orgId,
        refunds.map((e) => e.customerId),
      );
      return new Map([...refs].map(([id, c]) => [id, c.externalId]));
    });
    // One customer spends all their points at the counter first: the refund then takes them below zero.
    const spender = refunds[0];
    if (spender) {
      const who = externalIds.get(spender.customerId) as string;
      const { balance } = await ctx.api.call<{ balance: number }>('GET', `/api/v1/customers/${who}/points`);
      if (balance > 0) {
        await ctx.api.call('POST', '/api/v1/loyalty/adjustments', {
          customerExternalId: who,
          points: -balance,
          reason: 'Wymiana punktów przy kasie (zapis z kasy fiskalnej)',
        });
      }
    }
    const events = refunds.map((e, i) => ({
      type: 'refund',
      customerExternalId: externalIds.get(e.customerId) as string,
      occurredAt: new Date(
        Math.min(
          e.occurredAt.getTime() + (1 + Math.floor(rnd.next() * 5)) * DAY_MS,
          ctx.now.getTime() - 3_600_000,
        ),
      ).toISOString(),
      amount: i % 3 === 1 ? Math.round((e.amountMinor as number) / 2) : (e.amountMinor as number),
      channel: e.channel ?? 'store',
      touchpoint: e.touchpoint ?? 'cafe',
      data: { purchaseEventId: e.eventId },
    }));
    if (events.length)
      await withEventRulesAtRest(ctx, () => ctx.api.call('POST', '/api/v1/events/batch', { events }));

    // A few points added by hand, with their reasons.
    const buyers = [...new Set(recent.map((e) => e.customerId))].slice(0, 6);
    const names = await app.db.withOrg(ctx.orgId, (tx) => findCustomers(tx, ctx.orgId, buyers));
    const reasons = [
      'Przeprosiny za spóźnioną dostawę',
      'Urodziny: prezent od kawiarni',
      'Korekta: punkty z zakupu przy awarii terminala',
    ];
    let k = 0;
    for (const c of names.values()) {
      await ctx.api.call('POST', '/api/v1/loyalty/adjustments', {
        customerExternalId: c.externalId,
        points: 50 + 25 * (k % 3),
        reason: reasons[k % reasons.length],
      });
      k++;
    }
    await checkLedger(app, ctx.orgId);
    ctx.counts.pointsEarned = earned.pointsEarned;
    ctx.counts.refunds = events.length;
  },
};
