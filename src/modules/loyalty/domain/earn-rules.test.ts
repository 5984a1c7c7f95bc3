import { describe, expect, it } from 'vitest';
import { type EarnRule, minorDigitsOf, pointsFor, refundShare } from './earn-rules';

const rule = (r: Partial<EarnRule> & Pick<EarnRule, 'kind'>): EarnRule => ({
  id: r.kind,
  name: r.kind,
  active: true,
  pointsPerUnit: null,
  pointsPerItem: null,
  points: null,
  multiplier: null,
  match: null,
  tierCode: null,
  validFrom: null,
  validTo: null,
  ...r,
});
const at = new Date('2026-05-10T12:00:00Z');
const purchase = (amountMinor: number, items: object[] = []) => ({
  type: 'purchase',
  occurredAt: at,
  amountMinor,
  items,
});

describe('pointsFor, hand-worked', () => {
  it('per amount: 1 point per euro of 23.99 is 23 (rounded down once)', () => {
    expect(pointsFor([rule({ kind: 'amount', pointsPerUnit: 1 })], purchase(2399), null, 2).points).toBe(23);
  });
  it('fractions do not lose a point to binary arithmetic: 2.3 per euro of 100.00 is 230', () => {
    expect(pointsFor([rule({ kind: 'amount', pointsPerUnit: 2.3 })], purchase(10_000), null, 2).points).toBe(
      230,
    );
  });
  it('per category and item: lines matched, per unit spent and per item bought', () => {
    const rules = [
      rule({ kind: 'amount', pointsPerUnit: 1 }),
      rule({ kind: 'category', match: 'coffee', pointsPerUnit: 2 }),
      rule({ kind: 'item', match: 'CAKE-1', pointsPerItem: 5 }),
    ];
    // 10.00 total: coffee 2 × 3.00, cake 1 × 4.00 → 10 + 2 × 6 + 5 = 27
    const event = purchase(1000, [
      { sku: 'ESP', category: 'coffee', quantity: 2, priceMinor: 300 },
      { sku: 'CAKE-1', category: 'pastry', quantity: 1, priceMinor: 400 },
    ]);
    expect(pointsFor(rules, event, null, 2).points).toBe(27);
  });
  it('tier multiplier and a campaign multiply; the campaign bonus is added after', () => {
    const rules = [
      rule({ kind: 'amount', pointsPerUnit: 1 }),
      rule({ kind: 'tier_multiplier', tierCode: 'gold', multiplier: 1.5 }),
      rule({
        kind: 'campaign',
        multiplier: 2,
        points: 10,
        validFrom: new Date('2026-05-01'),
        validTo: new Date('2026-06-01'),
      }),
    ];
    expect(pointsFor(rules, purchase(2000), 'gold', 2).points).toBe(70); // 20 × 1.5 × 2 + 10
    expect(pointsFor(rules, purchase(2000), 'silver', 2).points).toBe(50); // 20 × 2 + 10
    const after = { ...purchase(2000), occurredAt: new Date('2026-06-01T00:00:00Z') };
    expect(pointsFor(rules, after, 'gold', 2).points).toBe(30); // the campaign ended (to is exclusive)
  });
  it('referrals earn their fixed points; other events nothing; inactive rules nothing', () => {
    const rules = [
      rule({ kind: 'referral', points: 100 }),
      rule({ kind: 'amount', pointsPerUnit: 1, active: false }),
    ];
    expect(
      pointsFor(rules, { type: 'referral', occurredAt: at, amountMinor: null, items: [] }, null, 2).points,
    ).toBe(100);
    expect(pointsFor(rules, purchase(5000), null, 2).points).toBe(0);
    expect(pointsFor(rules, { ...purchase(5000), type: 'visit' }, null, 2).points).toBe(0);
  });
  it('a currency without minor units (JPY): per 100 yen', () => {
    expect(minorDigitsOf('JPY')).toBe(0);
    expect(pointsFor([rule({ kind: 'amount', pointsPerUnit: 0.01 })], purchase(1234), null, 0).points).toBe(
      12,
    );
  });
});

describe('refundShare', () => {
  it('in proportion to the amount, rounded to the nearest point', () => {
    expect(refundShare(100, 5000, 2500)).toBe(50);
    expect(refundShare(33, 3000, 1000)).toBe(11);
    expect(refundShare(10, 3000, 1000)).toBe(3);
  });
  it('all of it when amounts are unknown; never more than earned', () => {
    expect(refundShare(40, null, 100)).toBe(40);
    expect(refundShare(40, 100, 500)).toBe(40);
  });
});
