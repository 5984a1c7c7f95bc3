import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCustomer } from '../src/modules/customers/api';
import {
  balanceOf,
  earnPoints,
  InsufficientPointsError,
  restoreSpend,
  spendPoints,
} from '../src/modules/loyalty/api';
import { earnForEvents } from '../src/modules/loyalty/use-cases/earn-events';
import { checkLedger, expirePoints } from '../src/modules/loyalty/use-cases/expiry';
import { api } from './helpers/api';
import { createTestApp, type TestApp } from './helpers/app';
import { ENGINES } from './helpers/db';

const DAY = 86_400_000;

/** One step of a customer's life with the program. */
type Step =
  | { op: 'purchase'; amount: number }
  | { op: 'earn'; points: number; expiresInDays: number | null; lockedDays: number | null }
  | { op: 'spend'; points: number }
  | { op: 'refund'; which: number; share: number }
  | { op: 'restore'; which: number }
  | { op: 'wait'; days: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant('purchase' as const), amount: fc.integer({ min: 0, max: 20_000 }) }),
  fc.record({
    op: fc.constant('earn' as const),
    points: fc.integer({ min: 1, max: 300 }),
    expiresInDays: fc.option(fc.integer({ min: 1, max: 60 }), { nil: null }),
    lockedDays: fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }),
  }),
  fc.record({ op: fc.constant('spend' as const), points: fc.integer({ min: 1, max: 400 }) }),
  fc.record({
    op: fc.constant('refund' as const),
    which: fc.nat(),
    share: fc.constantFrom(0.25, 0.5, 1),
  }),
  fc.record({ op: fc.constant('restore' as const), which: fc.nat() }),
  fc.record({ op: fc.constant('wait' as const), days: fc.integer({ min: 1, max: 40 }) }),
);

describe.each(ENGINES)('the ledger under random sequences on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.close());

  it('never breaks the invariant; the balance is the sum of the entries; a spend never overdraws', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { minLength: 1, maxLength: 25 }),
        fc.constantFrom('negative_balance' as const, 'forfeit' as const),
        async (steps, refundWhenSpent) => {
          const org = await t.createOrg();
          await api(t, org).ok('POST', '/api/v1/loyalty/earn-rules', {
            name: 'Per euro',
            kind: 'amount',
            pointsPerUnit: 1,
          });
          const program = {
            active: true,
            expiry: 'days_after_earning' as const,
            expiryDays: 30,
            refundWhenSpent,
          };
          const { orgId } = org;
          const ctx = t.ctx;
          const customerId = await ctx.db.withOrg(orgId, (tx) => ensureCustomer(ctx, tx, orgId, `c${++run}`));
          const purchases: { id: string; amount: number }[] = [];
          const spends: string[] = [];
          let n = 0;
          for (const s of steps) {
            const now = ctx.clock.now();
            await ctx.db.withOrg(orgId, async (tx) => {
              const source = { kind: 'manual' };
              if (s.op === 'purchase') {
                const id = `p${++n}`;
                purchases.push({ id, amount: s.amount });
                await earnForEvents(
                  ctx,
                  tx,
                  orgId,
                  [event(customerId, id, 'purchase', now, s.amount, {})],
                  program,
                );
              } else if (s.op === 'earn') {
                await earnPoints(ctx, tx, {
                  orgId,
                  customerId,
                  points: s.points,
                  reason: 'bonus',
                  source,
                  expiresAt:
                    s.expiresInDays === null ? null : new Date(now.getTime() + s.expiresInDays * DAY),
                  lockedUntil: s.lockedDays === null ? null : new Date(now.getTime() + s.lockedDays * DAY),
                });
              } else if (s.op === 'spend') {
                const before = await balanceOf(tx, orgId, customerId);
                try {
                  const { balance } = await spendPoints(ctx, tx, {
                    orgId,
                    customerId,
                    points: s.points,
                    reason: 'r',
                    source,
                  });
                  spends.push('x');
                  expect(balance).toBeGreaterThanOrEqual(0);
                  expect(balance).toBe(before - s.points);
                } catch (err) {
                  if (!(err instanceof InsufficientPointsError)) throw err;
                }
              } else if (s.op === 'refund' && purchases.length) {
                const p = purchases[s.which % purchases.length];
                await earnForEvents(
                  ctx,
                  tx,
                  orgId,
                  [
                    event(customerId, `r${++n}`, 'refund', now, Math.round(p.amount * s.share), {
                      purchaseEventId: p.id,
                    }),
                  ],
                  program,
                );
              } else if (s.op === 'wait') {
                t.clock.advance(s.days * DAY);
              }
            });
            if (s.op === 'wait') await expirePoints(ctx, orgId);
            if (s.op === 'restore') {
              const [spend] = await ctx.db.queryOwner<{ id: string }>(
                `select id from loyalty_entries where org_id = $1 and kind = 'spend' order by created_at, id offset $2 limit 1`,
                [orgId, spends.length ? s.which % spends.length : 0],
              );
              if (spend) {
                await ctx.db.withOrg(orgId, (tx) =>
                  restoreSpend(ctx, tx, { orgId, entryId: spend.id, reason: 'cancelled' }),
                );
              }
            }
            t.clock.advance(1000);
          }
          const check = await checkLedger(ctx, orgId);
          expect(check.breaks).toEqual([]);
          const [{ sum, balance, debt }] = await ctx.db.queryOwner<{
            sum: string;
            balance: string;
            debt: string;
          }>(
            `select (select coalesce(sum(points), 0) from loyalty_entries where org_id = $1) as sum,
                    (select coalesce(sum(balance), 0) from loyalty_accounts where org_id = $1) as balance,
                    (select coalesce(sum(debt), 0) from loyalty_accounts where org_id = $1) as debt`,
            [orgId],
          );
          expect(Number(balance)).toBe(Number(sum));
          // Below zero only by a refund's debt, and never under the forfeit policy.
          expect(Number(balance)).toBeGreaterThanOrEqual(-Number(debt));
          if (refundWhenSpent === 'forfeit') expect(Number(debt)).toBe(0);
        },
      ),
      { numRuns: engine === 'pglite' ? 25 : 40 },
    );
  }, 600_000);
});

function event(
  customerId: string,
  eventId: string,
  type: string,
  at: Date,
  amountMinor: number,
  data: object,
) {
  return {
    orgId: '',
    customerId,
    eventId,
    type,
    occurredAt: at,
    amountMinor,
    channel: null,
    touchpoint: null,
    data: data as Record<string, unknown>,
  };
}
