import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignTiers, DEFAULT_TIER_RULE, rankPercentiles } from './tier-rule';

describe('service tiers from profitability', () => {
  it('ranks by percentile: the top 10% premium, the next 20% priority (hand-checked)', () => {
    // Ten customers, profitability 100..1000. Rank = 100 × (how many are lower) / 10:
    // 1000 → 90 (premium, ≥ 90); 900 → 80 and 800 → 70 (priority, ≥ 70); 700 → 60 … (standard).
    const profit = Float64Array.from([300, 1000, 100, 800, 500, 900, 200, 700, 400, 600]);
    expect(Array.from(rankPercentiles(profit))).toEqual([20, 90, 0, 70, 40, 80, 10, 60, 30, 50]);
    expect(assignTiers(profit, DEFAULT_TIER_RULE)).toEqual([
      'standard',
      'premium',
      'standard',
      'priority',
      'standard',
      'priority',
      'standard',
      'standard',
      'standard',
      'standard',
    ]);
  });

  it('gives equal customers the same tier', () => {
    // Five at 0 and five at 50: ranks 0 and 50, nobody reaches 70.
    const profit = Float64Array.from([0, 0, 0, 0, 0, 50, 50, 50, 50, 50]);
    expect(new Set(assignTiers(profit, DEFAULT_TIER_RULE))).toEqual(new Set(['standard']));
  });

  it('uses profitability thresholds in minor units, highest first whatever the order given', () => {
    // gold from 10,000.00 (1,000,000 minor units), silver from 1,000.00; losses stay basic.
    const rule = {
      by: 'profitability' as const,
      defaultTier: 'basic',
      tiers: [
        { tier: 'silver', min: 100_000 },
        { tier: 'gold', min: 1_000_000 },
      ],
    };
    const profit = Float64Array.from([-5_000, 99_999, 100_000, 999_999, 1_000_000, 7_500_000]);
    expect(assignTiers(profit, rule)).toEqual(['basic', 'basic', 'silver', 'silver', 'gold', 'gold']);
  });

  it('never gives a less profitable customer a higher percentile rank', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1e6, max: 1e6 }), { minLength: 1, maxLength: 200 }),
        (values) => {
          const profit = Float64Array.from(values);
          const ranks = rankPercentiles(profit);
          for (let i = 0; i < values.length; i++) {
            expect(ranks[i]).toBeGreaterThanOrEqual(0);
            expect(ranks[i]).toBeLessThan(100);
            for (let j = 0; j < values.length; j++) {
              if (values[i] < values[j]) expect(ranks[i]).toBeLessThan(ranks[j]);
              if (values[i] === values[j]) expect(ranks[i]).toBe(ranks[j]);
            }
          }
        },
      ),
    );
  });
});
