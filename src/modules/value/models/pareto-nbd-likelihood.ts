// Pareto/NBD log-likelihood in the form of Fader & Hardie (2005), "A Note on Deriving the
// Pareto/NBD Model and Related Expressions":
//   L = Γ(r+x) α^r β^s / Γ(r) * [ (α+T)^-(r+x) (β+T)^-s + s/(r+s+x) A0 ]
// where A0 is a difference of two Gauss hypergeometric terms. Branching on α >= β keeps the
// 2F1 argument in [0, 1), and everything is evaluated in log space so that customers with
// many purchases (huge powers) stay finite.
import { logHyp2f1AdjacentC } from '../../../lib/hypergeometric';
import { gammaln, log1mExp, logAddExp } from '../../../lib/special-functions';
import { type PreparedRecencyFrequency, prepareRecencyFrequency } from './prepared-data';
import type { ParetoNbdParams, RecencyFrequency, WeightedRecencyFrequency } from './types';

/**
 * ln A0 for one customer:
 *   α >= β: A0 = 2F1(m, s+1; m+1; (α-β)/(α+tx)) / (α+tx)^m - (same at T),
 *   α <  β: A0 = 2F1(m, r+x; m+1; (β-α)/(β+tx)) / (β+tx)^m - (same at T),  m = r+s+x.
 * -Infinity when tx = T (A0 = 0).
 */
export function computeParetoLogA0(
  r: number,
  alpha: number,
  s: number,
  beta: number,
  x: number,
  tx: number,
  T: number,
): number {
  const m = r + s + x;
  const alphaLarger = alpha >= beta;
  const big = alphaLarger ? alpha : beta;
  const diff = alphaLarger ? alpha - beta : beta - alpha;
  const b = alphaLarger ? s + 1 : r + x;
  const l1 = logHyp2f1AdjacentC(m, b, diff / (big + tx)) - m * Math.log(big + tx);
  const l2 = logHyp2f1AdjacentC(m, b, diff / (big + T)) - m * Math.log(big + T);
  if (!(l2 < l1)) return Number.NEGATIVE_INFINITY;
  return l1 + log1mExp(l2 - l1);
}

/**
 * ln of the bracket [ (α+T)^-(r+x) (β+T)^-s + s/(r+s+x) A0 ] together with its first term,
 * shared by the likelihood and P(alive) = first / bracket.
 */
export function computeParetoLogTerms(
  r: number,
  alpha: number,
  s: number,
  beta: number,
  x: number,
  tx: number,
  T: number,
): { logFirst: number; logBracket: number } {
  const logFirst = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
  const logSecond = Math.log(s) - Math.log(r + s + x) + computeParetoLogA0(r, alpha, s, beta, x, tx, T);
  return { logFirst, logBracket: logAddExp(logFirst, logSecond) };
}

export interface ParetoNbdLikelihood {
  data: PreparedRecencyFrequency;
  /** Log-likelihood at theta = [r, alpha, s, beta]. */
  value(theta: ArrayLike<number>): number;
}

export function createParetoNbdLikelihood(
  input: RecencyFrequency | WeightedRecencyFrequency | PreparedRecencyFrequency,
): ParetoNbdLikelihood {
  const data = 'xIndex' in input ? input : prepareRecencyFrequency(input);
  const { n, x, tx, T, weight, xs, xWeight, totalWeight } = data;
  const value = (theta: ArrayLike<number>): number => {
    const r = theta[0];
    const alpha = theta[1];
    const s = theta[2];
    const beta = theta[3];
    if (!(r > 0 && alpha > 0 && s > 0 && beta > 0)) return Number.NaN;
    let ll = totalWeight * (r * Math.log(alpha) + s * Math.log(beta) - gammaln(r));
    for (let k = 0; k < xs.length; k++) ll += xWeight[k] * gammaln(r + xs[k]);
    for (let i = 0; i < n; i++) {
      const w = weight[i];
      if (w === 0) continue;
      ll += w * computeParetoLogTerms(r, alpha, s, beta, x[i], tx[i], T[i]).logBracket;
    }
    return ll;
  };
  return { data, value };
}

/** Total Pareto/NBD log-likelihood of the rows at the given parameters. */
export function computeParetoNbdLogLikelihood(
  params: ParetoNbdParams,
  data: RecencyFrequency | WeightedRecencyFrequency,
): number {
  return createParetoNbdLikelihood(data).value([params.r, params.alpha, params.s, params.beta]);
}
