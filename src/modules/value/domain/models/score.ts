// One call that scores every customer of a summary with fitted models: what the value
// service stores per customer.
import { computeBgNbdAliveProbability, predictBgNbdPurchases } from './bgnbd-score';
import { type ClvOptions, predictDiscountedPurchases, type TransactionModel } from './clv';
import { predictGammaGammaSpend } from './gamma-gamma-score';
import { computeParetoNbdAliveProbability, predictParetoNbdPurchases } from './pareto-nbd-score';
import type { GammaGammaParams, RecencyFrequency } from './types';

export interface ScoreOptions {
  /** Horizon of expectedPurchases, in the model's time unit. */
  horizon: number;
  clv: ClvOptions;
}

export interface CustomerScores {
  aliveProbability: Float64Array;
  /** Expected repeat purchases in the next `horizon` time units. */
  expectedPurchases: Float64Array;
  /** Expected spend per purchase (unit of meanSpend). */
  expectedSpend: Float64Array;
  /** Discounted CLV (see clv.ts); NaN without a spend model. */
  clv: Float64Array;
}

export function scoreCustomers(
  data: RecencyFrequency & { meanSpend: ArrayLike<number> },
  model: TransactionModel,
  spend: GammaGammaParams | null,
  options: ScoreOptions,
): CustomerScores {
  const aliveProbability =
    model.kind === 'bgnbd'
      ? computeBgNbdAliveProbability(model.params, data)
      : computeParetoNbdAliveProbability(model.params, data);
  const expectedPurchases =
    model.kind === 'bgnbd'
      ? predictBgNbdPurchases(model.params, data, options.horizon)
      : predictParetoNbdPurchases(model.params, data, options.horizon);
  const n = data.x.length;
  const expectedSpend = spend
    ? predictGammaGammaSpend(spend, data.x, data.meanSpend)
    : new Float64Array(n).fill(Number.NaN);
  const clv = predictDiscountedPurchases(model, data, options.clv);
  const margin = options.clv.margin ?? 1;
  for (let i = 0; i < n; i++) clv[i] *= margin * expectedSpend[i];
  return { aliveProbability, expectedPurchases, expectedSpend, clv };
}
