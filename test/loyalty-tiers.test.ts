import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainEvents } from '../src/events/bus';
import { ensureCustomer } from '../src/modules/customers/api';
import { earnPoints, spendPoints } from '../src/modules/loyalty/api';
import { noticeExpiringPoints, reviewTiers } from '../src/modules/loyalty/use-cases/tier-engine';
import { api } from './helpers/api';
import { createTestApp, type TestApp, type TestOrg } from './helpers/app';
import { ENGINES } from './helpers/db';

const DAY = 86_400_000;
const POLICIES = ['none', 'period_end', 'one_level'] as const;

describe.each(ENGINES)('loyalty tiers on %s', (engine) => {
  let t: TestApp;
  const orgs = {} as Record<(typeof POLICIES)[number], TestOrg>;
  const changed: DomainEvents['loyalty.tier_changed'][] = [];
  const pending: DomainEvents['loyalty.tier_downgrade_pending'][] = [];
  const expiring: DomainEvents['loyalty.points_expiring'][] = [];

  beforeAll(async () => {
    // The clock starts on Monday 2026-03-02, 09:00 UTC; organizations keep UTC.
    t = await createTestApp(engine);
    t.ctx.bus.onBatch('loyalty.tier_changed', async (_tx, p) => void changed.push(...p));
    t.ctx.bus.onBatch('loyalty.tier_downgrade_pending', async (_tx, p) => void pending.push(...p));
    t.ctx.bus.onBatch('loyalty.points_expiring', async (_tx, p) => void expiring.push(...p));
    for (const policy of POLICIES) {
      const org = await t.createOrg();
      orgs[policy] = org;
      const a = api(t, org);
      await a.ok('PATCH', '/api/v1/settings/loyalty-tiers', {
        windowDays: 180,
        downgrade: policy,
        reviewPeriod: 'year',
        downgradeNoticeDays: 14,
        expiryNoticeDays: 14,
      });
      for (const [code, name, threshold] of [
        ['gold', 'Gold', 1000],
        ['bronze', 'Bronze', 0],
        ['silver', 'Silver', 300],
      ] as const)
        await a.ok('POST', '/api/v1/loyalty/tiers', {
          code,
          name,
          threshold,
          benefits: [
            {
              code: `${code}-coffee`,
              description: `${name}: a coffee on your birthday`,
              perkCode: 'birthday',
            },
          ],
        });
    }
  });
  afterAll(() => t?.close());

  const customer = (org: TestOrg, externalId: string) =>
    t.ctx.db.withOrg(org.orgId, (tx) => ensureCustomer(t.ctx, tx, org.orgId, externalId));
  const earn = (org: TestOrg, customerId: string, points: number, expiresAt: Date | null = null) =>
    t.ctx.db.withOrg(org.orgId, (tx) =>
      earnPoints(t.ctx, tx, {
        orgId: org.orgId,
        customerId,
        points,
        reason: 'Purchase',
        source: { kind: 'manual' },
        expiresAt,
      }),
    );
  const tierOf = async (org: TestOrg, customerId: string) => {
    const [row] = await t.ctx.db.queryOwner<{ tier_code: string | null; tier_since: Date | null }>(
      'select tier_code, tier_since from loyalty_accounts where org_id = $1 and customer_id = $2',
      [org.orgId, customerId],
    );
    return row?.tier_code ?? null;
  };
  const runJob = async (org: TestOrg) => {
    await reviewTiers(t.ctx, org.orgId);
    await noticeExpiringPoints(t.ctx, org.orgId);
  };

  it('refuses a second tier with the same code or threshold, naming the field, and lists them lowest first', async () => {
    const a = api(t, orgs.none);
    const dup = await a.post('/api/v1/loyalty/tiers', { code: 'gold', name: 'Gold again', threshold: 5000 });
    expect(dup.status).toBe(409);
    expect(dup.body.errors[0].field).toBe('body.code');
    const same = await a.post('/api/v1/loyalty/tiers', {
      code: 'platinum',
      name: 'Platinum',
      threshold: 1000,
    });
    expect(same.body.errors[0].field).toBe('body.threshold');
    const list = await a.ok('GET', '/api/v1/loyalty/tiers');
    expect(list.items.map((x: { code: string }) => x.code)).toEqual(['bronze', 'silver', 'gold']);
    expect(list.items[2].benefits[0]).toEqual({
      code: 'gold-coffee',
      description: 'Gold: a coffee on your birthday',
      perkCode: 'birthday',
    });
  });

  it('lifts a tier at once after earning, by points earned: spending them costs no tier', async () => {
    for (const policy of POLICIES) {
      const org = orgs[policy];
      const ann = await customer(org, 'ann');
      await earn(org, ann, 1200);
      expect(await tierOf(org, ann)).toBe('gold');
      await t.ctx.db.withOrg(org.orgId, (tx) =>
        spendPoints(t.ctx, tx, {
          orgId: org.orgId,
          customerId: ann,
          points: 1100,
          reason: 'A coffee machine',
          source: { kind: 'manual' },
        }),
      );
      await runJob(org);
      expect(await tierOf(org, ann)).toBe('gold');
    }
    const up = changed.filter((e) => e.externalId === 'ann');
    expect(up).toHaveLength(3);
    expect(up[0]).toMatchObject({
      from: null,
      to: 'gold',
      direction: 'up',
      qualification: 1200,
      basis: 'points_earned',
    });
    const profile = await api(t, orgs.period_end).ok('GET', '/api/v1/customers/ann');
    expect(profile.loyaltyTier).toMatchObject({
      tier: { code: 'gold', name: 'Gold' },
      qualification: 1200,
      next: null,
    });
    expect(profile.loyaltyTier.history[0]).toMatchObject({ fromCode: null, toCode: 'gold', direction: 'up' });
    const members = (await api(t, orgs.period_end).ok('GET', '/api/v1/loyalty/tiers')).items;
    expect(members.find((x: { code: string }) => x.code === 'gold').members).toBe(1);
  });

  it('tells of points about to expire 14 days before, once per lot however often the job runs', async () => {
    const org = orgs.period_end;
    const bob = await customer(org, 'bob');
    // 2026-03-02 + 20 days = 2026-03-22: the lot expires then; the notice is due from 2026-03-08.
    await earn(org, bob, 80, new Date(t.clock.now().getTime() + 20 * DAY));
    await runJob(org);
    expect(expiring.filter((e) => e.externalId === 'bob')).toHaveLength(0);
    t.clock.advance(7 * DAY); // 2026-03-09
    await runJob(org);
    await runJob(org);
    const told = expiring.filter((e) => e.externalId === 'bob');
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ points: 80, balance: 80 });
    // A second lot expiring later is its own notice.
    await earn(org, bob, 20, new Date(t.clock.now().getTime() + 10 * DAY));
    await runJob(org);
    await runJob(org);
    expect(expiring.filter((e) => e.externalId === 'bob').map((e) => e.points)).toEqual([80, 20]);
    const [mails] = await t.ctx.db.queryOwner<{ n: number }>(
      `select count(*)::int as n from jobs where org_id = $1 and name = 'loyalty.notice-mail'`,
      [org.orgId],
    );
    expect(mails.n).toBe(2);
  });

  it('keeps a tier until the period end, then drops it as each policy says', async () => {
    // 2026-12-20: ann's 1200 points (2026-03-02) left the 180-day window in August; the year ends in 12 days.
    t.clock.advance(Date.parse('2026-12-20T09:00:00Z') - t.clock.now().getTime());
    for (const policy of POLICIES) {
      await runJob(orgs[policy]);
      await runJob(orgs[policy]);
    }
    const told = pending.filter((e) => e.externalId === 'ann');
    // Once for each policy that downgrades, none where the tier is kept.
    expect(told.map((e) => [e.tier, e.to, e.missing])).toEqual([
      ['gold', 'bronze', 1000],
      ['gold', 'silver', 1000],
    ]);
    expect(told[0].at.toISOString()).toBe('2027-01-01T00:00:00.000Z');
    for (const policy of POLICIES)
      expect(await tierOf(orgs[policy], await customer(orgs[policy], 'ann'))).toBe('gold');

    // 2026-12-31 23:00: still the old year.
    t.clock.advance(Date.parse('2026-12-31T23:00:00Z') - t.clock.now().getTime());
    for (const policy of POLICIES) await runJob(orgs[policy]);
    for (const policy of POLICIES)
      expect(await tierOf(orgs[policy], await customer(orgs[policy], 'ann'))).toBe('gold');

    // 2027-01-01 06:00: the review.
    t.clock.advance(7 * 3_600_000);
    for (const policy of POLICIES) await runJob(orgs[policy]);
    const tiers = async () =>
      Object.fromEntries(
        await Promise.all(
          POLICIES.map(async (p) => [p, await tierOf(orgs[p], await customer(orgs[p], 'ann'))] as const),
        ),
      );
    expect(await tiers()).toEqual({ none: 'gold', period_end: 'bronze', one_level: 'silver' });
    // Run again the same day: one level per period end, not per run.
    for (const policy of POLICIES) await runJob(orgs[policy]);
    expect(await tiers()).toEqual({ none: 'gold', period_end: 'bronze', one_level: 'silver' });

    // A year later, one_level takes its second step.
    t.clock.advance(Date.parse('2028-01-01T06:00:00Z') - t.clock.now().getTime());
    for (const policy of POLICIES) await runJob(orgs[policy]);
    expect(await tiers()).toEqual({ none: 'gold', period_end: 'bronze', one_level: 'bronze' });
    const down = changed.filter((e) => e.externalId === 'ann' && e.direction === 'down');
    expect(down.map((e) => [e.from, e.to])).toEqual([
      ['gold', 'bronze'],
      ['gold', 'silver'],
      ['silver', 'bronze'],
    ]);
    const profile = await api(t, orgs.one_level).ok('GET', '/api/v1/customers/ann');
    expect(profile.loyaltyTier.history.map((h: { toCode: string }) => h.toCode)).toEqual([
      'bronze',
      'silver',
      'gold',
    ]);
    expect(profile.loyaltyTier.next).toMatchObject({ code: 'silver', name: 'Silver', missing: 300 });
  });

  it('qualifies by spend when the settings say so, purchases minus refunds', async () => {
    const org = orgs.none;
    const a = api(t, org);
    await a.ok('PATCH', '/api/v1/settings/loyalty-tiers', { basis: 'spend' });
    const at = t.clock.now().toISOString();
    await a.ok('POST', '/api/v1/events/batch', {
      events: [
        { type: 'purchase', customerExternalId: 'cleo', occurredAt: at, amount: 1200, currency: 'EUR' },
        { type: 'purchase', customerExternalId: 'cleo', occurredAt: at, amount: 500, currency: 'EUR' },
        { type: 'refund', customerExternalId: 'cleo', occurredAt: at, amount: 200, currency: 'EUR' },
      ],
    });
    await runJob(org);
    // 1,200 + 500 − 200 = 1,500 minor units: gold.
    const profile = await a.ok('GET', '/api/v1/customers/cleo');
    expect(profile.loyaltyTier).toMatchObject({
      basis: 'spend',
      qualification: 1500,
      tier: { code: 'gold' },
    });
  });

  it('erases the notices of an erased customer and keeps the anonymous tier history', async () => {
    const org = orgs.period_end;
    const a = api(t, org);
    const exported = await a.ok('GET', '/api/v1/customers/bob/export');
    expect(exported.loyaltyTier.notices.length).toBeGreaterThan(0);
    await a.ok('DELETE', '/api/v1/customers/bob');
    const [left] = await t.ctx.db.queryOwner<{ n: number }>(
      `select count(*)::int as n from loyalty_notices where org_id = $1`,
      [org.orgId],
    );
    expect(left.n).toBe(1); // ann's downgrade notice
  });
});
