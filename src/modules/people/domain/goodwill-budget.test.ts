import { describe, expect, it } from 'vitest';
import { budgetRefusal, nextPeriodStart, periodStart } from './goodwill-budget';

describe('goodwill budget periods', () => {
  it('starts a period on the first day of its month, quarter or year', () => {
    expect(periodStart('2026-05-17', 'month')).toBe('2026-05-01');
    expect(periodStart('2026-05-17', 'quarter')).toBe('2026-04-01');
    expect(periodStart('2026-12-31', 'quarter')).toBe('2026-10-01');
    expect(periodStart('2026-01-01', 'quarter')).toBe('2026-01-01');
    expect(periodStart('2026-05-17', 'year')).toBe('2026-01-01');
  });
  it('knows when the next period starts, across the year', () => {
    expect(nextPeriodStart('2026-12-01', 'month')).toBe('2027-01-01');
    expect(nextPeriodStart('2026-10-01', 'quarter')).toBe('2027-01-01');
    expect(nextPeriodStart('2026-01-01', 'year')).toBe('2027-01-01');
  });
});

describe('a grant against the budget', () => {
  const budget = { poolMinor: 10_000, perCustomerMinor: 3_000 };
  it('fits while both the pool and the customer cap have room, to the last unit', () => {
    expect(budgetRefusal(budget, { tierMinor: 7_000, customerMinor: 0 }, 3_000)).toBeNull();
    expect(budgetRefusal(budget, { tierMinor: 0, customerMinor: 2_000 }, 1_000)).toBeNull();
  });
  it('names the limit it would pass and what is left', () => {
    expect(budgetRefusal(budget, { tierMinor: 9_500, customerMinor: 0 }, 1_000)).toEqual({
      limit: 'pool',
      leftMinor: 500,
    });
    expect(budgetRefusal(budget, { tierMinor: 0, customerMinor: 2_500 }, 1_000)).toEqual({
      limit: 'perCustomer',
      leftMinor: 500,
    });
    expect(
      budgetRefusal({ poolMinor: 100, perCustomerMinor: null }, { tierMinor: 200, customerMinor: 0 }, 1),
    ).toEqual({
      limit: 'pool',
      leftMinor: 0,
    });
  });
});
