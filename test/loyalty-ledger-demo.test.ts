import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoResult, seedDemo } from '../src/demo/seed-demo';
import { ManualClock } from '../src/lib/clock';
import { checkLedger } from '../src/modules/loyalty/use-cases/expiry';
import { api } from './helpers/api';
import { createTestApp, type TestApp } from './helpers/app';
import { ENGINES } from './helpers/db';

describe.each(ENGINES)('the demo’s points on %s', (engine) => {
  let t: TestApp;
  let demo: DemoResult;
  beforeAll(async () => {
    t = await createTestApp(engine, {}, new ManualClock(new Date('2026-11-20T10:00:00Z')));
    demo = await seedDemo(t.app, { customers: 300, seed: 5 });
  }, 600_000);
  afterAll(() => t?.close());

  it('earned the history, expired year-old points, reversed refunds and kept every movement with a reason', async () => {
    const kinds = await t.ctx.db.queryOwner<{ kind: string; n: number }>(
      `select kind, count(*)::int as n from loyalty_entries where org_id = $1 group by kind`,
      [demo.orgId],
    );
    const count = Object.fromEntries(kinds.map((k) => [k.kind, k.n]));
    expect(count.earn).toBeGreaterThan(100);
    expect(count.expire).toBeGreaterThan(0);
    expect(count.refund).toBeGreaterThan(0);
    expect(count.adjust).toBeGreaterThan(0);
    const [negative] = await t.ctx.db.queryOwner<{ n: number }>(
      `select count(*)::int as n from loyalty_entries
        where org_id = $1 and kind = 'refund' and reason like '%below zero%'`,
      [demo.orgId],
    );
    expect(negative.n).toBeGreaterThan(0);
    expect((await checkLedger(t.ctx, demo.orgId)).breaks).toEqual([]);
  });

  it('shows the program, its rules and what it owes through the API', async () => {
    const a = api(t, { authorization: `Bearer ${demo.apiKey}` });
    expect(await a.ok('GET', '/api/v1/settings/loyalty')).toMatchObject({
      active: true,
      expiry: 'days_after_earning',
    });
    expect((await a.ok('GET', '/api/v1/loyalty/earn-rules')).items.length).toBeGreaterThanOrEqual(4);
    const owed = await a.ok('GET', '/api/v1/loyalty/liability');
    expect(owed.outstanding).toBeGreaterThan(0);
    expect(owed.expiring90).toBeGreaterThan(0);
    expect((await a.ok('GET', '/api/v1/loyalty/invariant-check')).lastRun.breakCount).toBe(0);
  });
});
