import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../lib/seeded-random';
import { assessPerk, type PerkUnit, verdictOf } from './perk-worth';

/**
 * Generated customers with selection on observables: the more a customer bought before (x), the likelier
 * they got the perk, and the more their spending grows anyway. A naive comparison credits the perk with
 * that growth; matched pairs do not. `effect` is what the perk truly adds to revenue in the after window.
 */
function generate(
  seed: number,
  effect: number,
  cost: number,
  n = 3000,
): { treated: PerkUnit[]; controls: PerkUnit[] } {
  const random = createRandom(seed);
  const treated: PerkUnit[] = [];
  const controls: PerkUnit[] = [];
  for (let i = 0; i < n; i++) {
    const x = random.normal();
    const z = random.next() < 0.5 ? 1 : 0;
    const got = random.next() < 1 / (1 + Math.exp(-(-1.5 + 1.2 * x + 0.5 * z)));
    const before = 1000 + 300 * x + 100 * random.normal();
    const after = before + 400 * x + 50 * z + (got ? effect : 0) + 100 * random.normal();
    const unit: PerkUnit = {
      covariates: [x, z],
      before: { retention: 1, frequency: 2, revenue: before },
      after: { retention: 1, frequency: 2, revenue: after },
      costMinor: got ? cost : 0,
    };
    (got ? treated : controls).push(unit);
  }
  return { treated, controls };
}

describe('assessPerk', () => {
  it('recovers a planted effect that exceeds the cost: pays for itself', () => {
    const result = assessPerk({ covariateNames: ['x', 'z'], ...generate(7, 200, 50) });
    const revenue = result.outcomes.find((o) => o.outcome === 'revenue');
    expect(result.pairs).toBeGreaterThan(400);
    expect(result.balanced).toBe(true);
    for (const b of result.balance) expect(Math.abs(b.after ?? 1)).toBeLessThanOrEqual(0.1);
    expect(revenue?.ci95[0]).toBeLessThanOrEqual(200);
    expect(revenue?.ci95[1]).toBeGreaterThanOrEqual(200);
    // The naive comparison is far off: the treated would have grown anyway.
    expect(revenue?.naive).toBeGreaterThan(600);
    expect(result.costPerCustomerMinor).toBe(50);
    expect(result.net?.ci95[0]).toBeGreaterThan(0);
    expect(result).toMatchObject({ verdict: 'pays_for_itself', reason: 'interval_above_zero' });
  });

  it('finds no effect where none was planted: without cost the interval covers zero', () => {
    const result = assessPerk({ covariateNames: ['x', 'z'], ...generate(11, 0, 0) });
    const revenue = result.outcomes.find((o) => o.outcome === 'revenue');
    expect(revenue?.ci95[0]).toBeLessThanOrEqual(0);
    expect(revenue?.ci95[1]).toBeGreaterThanOrEqual(0);
    expect(result).toMatchObject({ verdict: 'not_enough_data', reason: 'interval_spans_zero' });
  });

  it('a perk that changes nothing but costs money costs more than it brings', () => {
    const result = assessPerk({ covariateNames: ['x', 'z'], ...generate(13, 0, 100) });
    expect(result.net?.ci95[1]).toBeLessThan(0);
    expect(result).toMatchObject({ verdict: 'costs_more', reason: 'interval_below_zero' });
  });

  it('says too few pairs for a handful of customers, and drops covariates that never vary', () => {
    const { treated, controls } = generate(3, 500, 0, 40);
    const result = assessPerk({ covariateNames: ['x', 'z'], treated, controls });
    expect(result.pairs).toBeLessThan(20);
    expect(result).toMatchObject({ verdict: 'not_enough_data', reason: 'too_few_pairs' });
    const constant = assessPerk({
      covariateNames: ['x', 'z', 'same'],
      treated: treated.map((u) => ({ ...u, covariates: [...u.covariates, 1] })),
      controls: controls.map((u) => ({ ...u, covariates: [...u.covariates, 1] })),
    });
    expect(constant.balance.map((b) => b.covariate)).toEqual(['x', 'z']);
  });

  it('is the same analysis for the same data and seed', () => {
    const data = generate(5, 100, 10, 500);
    expect(assessPerk({ covariateNames: ['x', 'z'], ...data, seed: 9 })).toEqual(
      assessPerk({ covariateNames: ['x', 'z'], ...data, seed: 9 }),
    );
  });
});

describe('verdictOf', () => {
  const net = (lo: number, hi: number) => ({
    estimate: (lo + hi) / 2,
    ci95: [lo, hi] as [number, number],
    n: 50,
    standardError: 1,
  });
  it('asks for enough pairs, then balance, then an interval clear of zero', () => {
    expect(verdictOf(10, true, net(1, 2))).toEqual({ verdict: 'not_enough_data', reason: 'too_few_pairs' });
    expect(verdictOf(50, false, net(1, 2))).toEqual({ verdict: 'not_enough_data', reason: 'unbalanced' });
    expect(verdictOf(50, true, net(1, 2))).toEqual({
      verdict: 'pays_for_itself',
      reason: 'interval_above_zero',
    });
    expect(verdictOf(50, true, net(-2, -1))).toEqual({
      verdict: 'costs_more',
      reason: 'interval_below_zero',
    });
    expect(verdictOf(50, true, net(-1, 1))).toEqual({
      verdict: 'not_enough_data',
      reason: 'interval_spans_zero',
    });
  });
});
