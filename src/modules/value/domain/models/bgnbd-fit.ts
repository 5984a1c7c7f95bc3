// BG/NBD maximum-likelihood fit over grouped recency/frequency tuples.
import { createBgNbdLikelihood } from './bgnbd-likelihood';
import { type FitOptions, fitMaximumLikelihood } from './fit-mle';
import { prepareRecencyFrequency } from './prepared-data';
import type { BgNbdParams, ModelFit, RecencyFrequency, WeightedRecencyFrequency } from './types';

/**
 * Fits BG/NBD (r, alpha, a, b). Rows without weights are grouped into distinct tuples first.
 * Starts from r = 1, a = 1, b = 1 and alpha at the observed mean inter-purchase time, which
 * puts the start in the right time unit.
 */
export function fitBgNbd(
  data: RecencyFrequency | WeightedRecencyFrequency,
  options: FitOptions = {},
): ModelFit<BgNbdParams> {
  const prepared = prepareRecencyFrequency(data);
  const likelihood = createBgNbdLikelihood(prepared);
  const alpha0 = prepared.totalAge / Math.max(prepared.totalRepeat, 1) || 1;
  return fitMaximumLikelihood<BgNbdParams>(
    {
      names: ['r', 'alpha', 'a', 'b'],
      start: [1, alpha0, 1, 1],
      value: likelihood.value,
      valueAndGradient: likelihood.valueAndGradient,
      customers: prepared.totalWeight,
    },
    options,
  );
}
