// Pareto/NBD maximum-likelihood fit over grouped recency/frequency tuples (numerical gradient).
import { type FitOptions, fitMaximumLikelihood } from './fit-mle';
import { createParetoNbdLikelihood } from './pareto-nbd-likelihood';
import { prepareRecencyFrequency } from './prepared-data';
import type { ModelFit, ParetoNbdParams, RecencyFrequency, WeightedRecencyFrequency } from './types';

/**
 * Fits Pareto/NBD (r, alpha, s, beta). Starts from r = s = 1 with alpha and beta at the
 * observed mean inter-purchase time (the right order of magnitude for either time unit).
 */
export function fitParetoNbd(
  data: RecencyFrequency | WeightedRecencyFrequency,
  options: FitOptions = {},
): ModelFit<ParetoNbdParams> {
  const prepared = prepareRecencyFrequency(data);
  const likelihood = createParetoNbdLikelihood(prepared);
  const scale = prepared.totalAge / Math.max(prepared.totalRepeat, 1) || 1;
  return fitMaximumLikelihood<ParetoNbdParams>(
    {
      names: ['r', 'alpha', 's', 'beta'],
      start: [1, scale, 1, scale],
      value: likelihood.value,
      customers: prepared.totalWeight,
    },
    options,
  );
}
