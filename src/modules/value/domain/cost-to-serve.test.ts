import { describe, expect, it } from 'vitest';
import { computeCostToServe } from './cost-to-serve';

describe('cost to serve', () => {
  it('adds order, refund and service costs (hand-checked)', () => {
    const rates = { costPerOrderMinor: 150, costPerContactMinor: 500, costPerCaseHourMinor: 2_000 };
    const cost = computeCostToServe(
      {
        aliveProbability: [0.8, 0.1, 1],
        expectedPurchases: [4, 0.5, 0],
        expectedSpend: [2_500, 1_000, 3_000],
      },
      { contacts: [3, 10, 0], caseHours: [1.5, 0, 0], refundShare: [0.1, 0, 1] },
      rates,
    );
    // Customer 0: orders 150 × 4 = 600; refunds 0.1 × 4 × 2,500 = 1,000;
    //             service 0.8 × (500 × 3 + 2,000 × 1.5) = 0.8 × 4,500 = 3,600; total 5,200.
    // Customer 1: orders 150 × 0.5 = 75; refunds 0; service 0.1 × (500 × 10) = 500; total 575.
    // Customer 2: no purchases expected, no contacts: nothing, whatever it refunded before.
    expect(Array.from(cost)).toEqual([5_200, 575, 0]);
  });

  it('counts goodwill gestures as service, expected while the customer stays', () => {
    const rates = { costPerOrderMinor: 0, costPerContactMinor: 500, costPerCaseHourMinor: 0 };
    const cost = computeCostToServe(
      { aliveProbability: [0.5, 0], expectedPurchases: [1, 1], expectedSpend: [0, 0] },
      { contacts: [2, 0], caseHours: [0, 0], refundShare: [0, 0], gesturesMinor: [3_000, 9_999] },
      rates,
    );
    // 0.5 × (500 × 2 + 3,000) = 2,000; a customer surely gone costs no more service.
    expect(Array.from(cost)).toEqual([2_000, 0]);
  });

  it('costs nothing with the default rates and no refunds', () => {
    const zero = { costPerOrderMinor: 0, costPerContactMinor: 0, costPerCaseHourMinor: 0 };
    const cost = computeCostToServe(
      { aliveProbability: [0.5], expectedPurchases: [3], expectedSpend: [900] },
      { contacts: [4], caseHours: [2], refundShare: [0] },
      zero,
    );
    expect(Array.from(cost)).toEqual([0]);
  });
});
