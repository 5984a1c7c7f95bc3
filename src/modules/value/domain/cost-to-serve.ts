// Expected cost to serve a customer over the value horizon:
//
//   cost_i = costPerOrder · E[orders_i]
//          + refundShare_i · E[orders_i] · E[spend_i]
//          + P(alive)_i · (costPerContact · contacts_i + costPerCaseHour · caseHours_i + gestures_i)
//
// E[orders] and E[spend] come from the models; refundShare is the customer's refunds over
// purchases so far (0–1); contacts, case hours and goodwill gestures (minor units) are those of
// the last horizon-long window, expected to repeat while the customer stays. Costs are not discounted.
import type { ValueSettings } from './value-settings';

export type ServiceHistory = {
  contacts: ArrayLike<number>;
  caseHours: ArrayLike<number>;
  refundShare: ArrayLike<number>;
  /** Goodwill granted in the window, minor units; absent counts as none. */
  gesturesMinor?: ArrayLike<number>;
};

export type ExpectedBehaviour = {
  aliveProbability: ArrayLike<number>;
  expectedPurchases: ArrayLike<number>;
  expectedSpend: ArrayLike<number>;
};

export type CostRates = Pick<
  ValueSettings,
  'costPerOrderMinor' | 'costPerContactMinor' | 'costPerCaseHourMinor'
>;

export function computeCostToServe(
  expected: ExpectedBehaviour,
  history: ServiceHistory,
  rates: CostRates,
): Float64Array {
  const n = expected.expectedPurchases.length;
  const cost = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const orders = expected.expectedPurchases[i];
    const service =
      rates.costPerContactMinor * history.contacts[i] +
      rates.costPerCaseHourMinor * history.caseHours[i] +
      (history.gesturesMinor?.[i] ?? 0);
    cost[i] =
      rates.costPerOrderMinor * orders +
      history.refundShare[i] * orders * expected.expectedSpend[i] +
      expected.aliveProbability[i] * service;
  }
  return cost;
}
