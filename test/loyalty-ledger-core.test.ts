import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCustomer } from '../src/modules/customers/api';
import {
  balanceOf,
  earnPoints,
  InsufficientPointsError,
  restoreSpend,
  spendPoints,
} from '../src/modules/loyalty/api';
import { createTestApp, type TestApp, type TestOrg } from './helpers/app';
import { ENGINES } from './helpers/db';

describe.each(ENGINES)('the points ledger on %s', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  beforeAll(async () => {
    t = await createTestApp(engine);
    org = await t.createOrg();
  });
  afterAll(() => t.close());

  const customer = (externalId: string) =>
    t.ctx.db.withOrg(org.orgId, (tx) => ensureCustomer(t.ctx, tx, org.orgId, externalId));
  const inOrg = <T>(fn: (tx: Parameters<Parameters<TestApp['ctx']['db']['withOrg']>[1]>[0]) => Promise<T>) =>
    t.ctx.db.withOrg(org.orgId, fn);
  const lots = (customerId: string) =>
    t.ctx.db.queryOwner<{ amount: string; remaining: string; expires_at: Date | null }>(
      'select amount, remaining, expires_at from loyalty_lots where customer_id = $1 order by amount',
      [customerId],
    );
  const day = (n: number) => new Date(t.clock.now().getTime() + n * 86_400_000);
  const source = { kind: 'manual' };

  it('spends take the soonest-expiring lots first, never-expiring last, skipping locked ones', async () => {
    const c = await customer('spender');
    await inOrg(async (tx) => {
      await earnPoints(t.ctx, tx, {
        orgId: org.orgId,
        customerId: c,
        points: 50,
        reason: 'never',
        source,
        expiresAt: null,
      });
      await earnPoints(t.ctx, tx, {
        orgId: org.orgId,
        customerId: c,
        points: 30,
        reason: 'late',
        source,
        expiresAt: day(90),
      });
      await earnPoints(t.ctx, tx, {
        orgId: org.orgId,
        customerId: c,
        points: 20,
        reason: 'soon',
        source,
        expiresAt: day(10),
      });
      await earnPoints(t.ctx, tx, {
        orgId: org.orgId,
        customerId: c,
        points: 40,
        reason: 'locked',
        source,
        expiresAt: day(5),
        lockedUntil: day(3),
      });
    });
    const { balance } = await inOrg((tx) =>
      spendPoints(t.ctx, tx, { orgId: org.orgId, customerId: c, points: 60, reason: 'reward', source }),
    );
    expect(balance).toBe(80);
    expect((await lots(c)).map((l) => Number(l.remaining))).toEqual([0, 0, 40, 40]); // 20 soon, 30 late, 40 locked, 50 never (10 taken)
    await expect(
      inOrg((tx) =>
        spendPoints(t.ctx, tx, { orgId: org.orgId, customerId: c, points: 51, reason: 'too much', source }),
      ),
    ).rejects.toBeInstanceOf(InsufficientPointsError);
    expect(await inOrg((tx) => balanceOf(tx, org.orgId, c))).toBe(80);
  });

  it('a restore gives the spend back once, into its lots', async () => {
    const c = await customer('restorer');
    const spend = await inOrg(async (tx) => {
      await earnPoints(t.ctx, tx, {
        orgId: org.orgId,
        customerId: c,
        points: 10,
        reason: 'a',
        source,
        expiresAt: null,
      });
      return spendPoints(t.ctx, tx, { orgId: org.orgId, customerId: c, points: 7, reason: 'b', source });
    });
    const first = await inOrg((tx) =>
      restoreSpend(t.ctx, tx, { orgId: org.orgId, entryId: spend.entryId, reason: 'cancelled' }),
    );
    const again = await inOrg((tx) =>
      restoreSpend(t.ctx, tx, { orgId: org.orgId, entryId: spend.entryId, reason: 'cancelled' }),
    );
    expect(again).toBe(first);
    expect(await inOrg((tx) => balanceOf(tx, org.orgId, c))).toBe(10);
    expect((await lots(c)).map((l) => Number(l.remaining))).toEqual([10]);
  });

  it('concurrent spends never overdraw: 30 spends of 10 against 100 points, exactly 10 succeed', async () => {
    const c = await customer('crowd');
    await inOrg((tx) =>
      earnPoints(t.ctx, tx, {
        orgId: org.orgId,
        customerId: c,
        points: 100,
        reason: 'x',
        source,
        expiresAt: null,
      }),
    );
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, () =>
        inOrg((tx) =>
          spendPoints(t.ctx, tx, { orgId: org.orgId, customerId: c, points: 10, reason: 'r', source }),
        ),
      ),
    );
    const refused = results.filter((r) => r.status === 'rejected');
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
    expect(refused.every((r) => (r as PromiseRejectedResult).reason instanceof InsufficientPointsError)).toBe(
      true,
    );
    expect(await inOrg((tx) => balanceOf(tx, org.orgId, c))).toBe(0);
    expect((await lots(c)).map((l) => Number(l.remaining))).toEqual([0]);
  });

  it('entries cannot be changed or removed by the application', async () => {
    const c = await customer('tamper');
    await inOrg((tx) =>
      earnPoints(t.ctx, tx, {
        orgId: org.orgId,
        customerId: c,
        points: 5,
        reason: 'x',
        source,
        expiresAt: null,
      }),
    );
    const { sql } = await import('drizzle-orm');
    await expect(
      inOrg((tx) => tx.execute(sql`update loyalty_entries set points = 500 where customer_id = ${c}::uuid`)),
    ).rejects.toThrow();
    await expect(
      inOrg((tx) => tx.execute(sql`delete from loyalty_entries where customer_id = ${c}::uuid`)),
    ).rejects.toThrow();
    await expect(
      inOrg((tx) => tx.execute(sql`update loyalty_lots set amount = 500 where customer_id = ${c}::uuid`)),
    ).rejects.toThrow();
  });
});
