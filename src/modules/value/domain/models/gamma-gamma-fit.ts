// Gamma-Gamma spend model maximum-likelihood fit on the repeat buyers.
import { type FitOptions, fitMaximumLikelihood } from './fit-mle';
import { createGammaGammaLikelihood, prepareSpendData, type SpendData } from './gamma-gamma-likelihood';
import type { GammaGammaParams, ModelFit } from './types';

/**
 * Fits Gamma-Gamma (p, q, gamma) on customers with x > 0 and a positive mean spend; others
 * are ignored. gamma comes out in the money unit of meanSpend. Starts from p = 1, q = 2 and
 * gamma = observed mean spend, where the model's mean p·gamma/(q-1) equals the data's.
 */
export function fitGammaGamma(data: SpendData, options: FitOptions = {}): ModelFit<GammaGammaParams> {
  const prepared = prepareSpendData(data);
  if (prepared.n === 0)
    throw new RangeError('gamma-gamma: no customer with repeat purchases and positive spend');
  const likelihood = createGammaGammaLikelihood(prepared);
  return fitMaximumLikelihood<GammaGammaParams>(
    {
      names: ['p', 'q', 'gamma'],
      start: [1, 2, prepared.meanSpend],
      value: likelihood.value,
      valueAndGradient: likelihood.valueAndGradient,
      customers: prepared.totalWeight,
    },
    options,
  );
}
