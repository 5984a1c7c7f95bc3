// Discounted customer lifetime value over a finite horizon:
//
//   CLV_i = margin · E[M_i] · Σ_{k=1..K} (E[X_i(kΔ)] - E[X_i((k-1)Δ)]) / (1 + d)^k
//
// E[X_i(t)]: expected repeat purchases in the next t time units given the customer's history
// (BG/NBD or Pareto/NBD); E[M_i]: Gamma-Gamma expected spend per purchase; Δ: period length;
// d: discount rate per period (purchases of period k are discounted to the end of period k);
// margin: share of spend that is profit (1 = revenue value). The unit of the result is the
// unit of the spend data (minor units).
import { predictBgNbdDiscountedPurchases } from './bgnbd-score';
import type { DiscountSchedule } from './discounting';
import { predictGammaGammaSpend } from './gamma-gamma-score';
import { predictParetoNbdDiscountedPurchases } from './pareto-nbd-score';
import type { BgNbdParams, GammaGammaParams, ParetoNbdParams, RecencyFrequency } from './types';

export type TransactionModel =
  | { kind: 'bgnbd'; params: BgNbdParams }
  | { kind: 'paretoNbd'; params: ParetoNbdParams };

export interface ClvOptions extends DiscountSchedule {
  /** Share of spend that is profit, default 1. */
  margin?: number;
}

/** Σ_k (expected purchases in period k) / (1+d)^k per row, under the chosen transaction model. */
export function predictDiscountedPurchases(
  model: TransactionModel,
  data: RecencyFrequency,
  schedule: DiscountSchedule,
  out?: Float64Array,
): Float64Array {
  return model.kind === 'bgnbd'
    ? predictBgNbdDiscountedPurchases(model.params, data, schedule, out)
    : predictParetoNbdDiscountedPurchases(model.params, data, schedule, out);
}

/** Discounted CLV per row (formula above). `data.meanSpend` is the observed mean repeat spend. */
export function computeCustomerLifetimeValue(
  model: TransactionModel,
  spend: GammaGammaParams,
  data: RecencyFrequency & { meanSpend: ArrayLike<number> },
  options: ClvOptions,
  out?: Float64Array,
): Float64Array {
  const margin = options.margin ?? 1;
  const value = predictDiscountedPurchases(model, data, options, out);
  const expectedSpend = predictGammaGammaSpend(spend, data.x, data.meanSpend);
  for (let i = 0; i < value.length; i++) value[i] *= margin * expectedSpend[i];
  return value;
}
