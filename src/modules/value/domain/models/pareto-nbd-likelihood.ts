// Pareto/NBD log-likelihood in the form of Fader & Hardie (2005), "A Note on Deriving the
// Pareto/NBD Model and Related Expressions":
//   L = Γ(r+x) α^r β^s / Γ(r) * [ (α+T)^-(r+x) (β+T)^-s + s/(r+s+x) A0 ]
// where A0 is a difference of two Gauss hypergeometric terms. Branching on α >= β keeps the
// 2F1 argument in [0, 1), and everything is evaluated in log space so that customers with
// many purchases (huge powers) stay finite.
import { indexDistinctRows } from '../../../../lib/distinct-rows';
import { logHyp2f1AdjacentC } from '../../../../lib/hypergeometric';
import { log1mExp, logAddExp } from '../../../../lib/special-functions';
import { type PreparedRecencyFrequency, prepareRecencyFrequency, sumOverRepeats } from './prepared-data';
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
  /**
   * Per-row ln of the first bracket term and of the whole bracket (see computeParetoLogTerms),
   * both plus ln(α^r β^s); their difference is ln P(alive). False for parameters outside the domain.
   */
  computeLogTerms(theta: ArrayLike<number>, logFirst: Float64Array, logBracket: Float64Array): boolean;
}

/**
 * Likelihood over prepared rows. The hypergeometric term at T depends on (x, T) only and the
 * one at tx on (x, tx) only, so each is evaluated once per distinct pair: far fewer than the
 * distinct (x, tx, T) tuples on large customer bases.
 */
export function createParetoNbdLikelihood(
  input: RecencyFrequency | WeightedRecencyFrequency | PreparedRecencyFrequency,
): ParetoNbdLikelihood {
  const data = 'xIndex' in input ? input : prepareRecencyFrequency(input);
  const { n, x, tx, T, weight, xIndex, xs, xWeight } = data;
  const pairsT = indexDistinctRows([x, T]);
  const pairsTx = indexDistinctRows([x, tx]);
  const termT = new Float64Array(pairsT.count); // ln[2F1(...)/(M+T)^m]
  const firstT = new Float64Array(pairsT.count); // ln[(α+T)^-(r+x) (β+T)^-s]
  const termTx = new Float64Array(pairsTx.count);
  const logSecondScale = new Float64Array(xs.length); // ln s - ln(r+s+x)
  const scratchFirst = new Float64Array(n);
  const scratchBracket = new Float64Array(n);
  const gammaRatio = new Float64Array(xs.length);

  const computeLogTerms = (
    theta: ArrayLike<number>,
    logFirst: Float64Array,
    logBracket: Float64Array,
  ): boolean => {
    const r = theta[0];
    const alpha = theta[1];
    const s = theta[2];
    const beta = theta[3];
    if (!(r > 0 && alpha > 0 && s > 0 && beta > 0)) return false;
    const alphaLarger = alpha >= beta;
    const big = alphaLarger ? alpha : beta;
    const diff = alphaLarger ? alpha - beta : beta - alpha;
    const lnS = Math.log(s);
    const lnAlpha = Math.log(alpha);
    const lnBeta = Math.log(beta);
    for (let k = 0; k < xs.length; k++) logSecondScale[k] = lnS - Math.log(r + s + xs[k]);
    // Both bracket terms carry the factor α^r β^s of the likelihood, folded in as
    // log1p(t/α)-style differences so that large r or s do not cancel huge numbers.
    const hyperTerm = (xv: number, t: number) => {
      const m = r + s + xv;
      const lnBigT = Math.log(big + t);
      const scale = alphaLarger
        ? -r * Math.log1p(t / alpha) + s * (lnBeta - lnBigT)
        : r * (lnAlpha - lnBigT) - s * Math.log1p(t / beta);
      return logHyp2f1AdjacentC(m, alphaLarger ? s + 1 : r + xv, diff / (big + t)) + scale - xv * lnBigT;
    };
    for (let g = 0; g < pairsT.count; g++) {
      const i = pairsT.firstRow[g];
      termT[g] = hyperTerm(x[i], T[i]);
      firstT[g] = -r * Math.log1p(T[i] / alpha) - x[i] * Math.log(alpha + T[i]) - s * Math.log1p(T[i] / beta);
    }
    for (let g = 0; g < pairsTx.count; g++) {
      const i = pairsTx.firstRow[g];
      termTx[g] = hyperTerm(x[i], tx[i]);
    }
    for (let i = 0; i < n; i++) {
      const lT = termT[pairsT.groupOf[i]];
      const lTx = termTx[pairsTx.groupOf[i]];
      const first = firstT[pairsT.groupOf[i]];
      logFirst[i] = first;
      // A0 = e^lTx - e^lT > 0 unless tx = T.
      logBracket[i] =
        lT < lTx ? logAddExp(first, logSecondScale[xIndex[i]] + lTx + log1mExp(lT - lTx)) : first;
    }
    return true;
  };

  const value = (theta: ArrayLike<number>): number => {
    if (!computeLogTerms(theta, scratchFirst, scratchBracket)) return Number.NaN;
    const r = theta[0];
    // ln Γ(r+x) - ln Γ(r) = Σ_{j<x} ln(r+j).
    sumOverRepeats(data, (j) => Math.log(r + j), gammaRatio);
    let ll = 0;
    for (let k = 0; k < xs.length; k++) ll += xWeight[k] * gammaRatio[k];
    for (let i = 0; i < n; i++) ll += weight[i] * scratchBracket[i];
    return ll;
  };
  return { data, value, computeLogTerms };
}

/** Total Pareto/NBD log-likelihood of the rows at the given parameters. */
export function computeParetoNbdLogLikelihood(
  params: ParetoNbdParams,
  data: RecencyFrequency | WeightedRecencyFrequency,
): number {
  return createParetoNbdLikelihood(data).value([params.r, params.alpha, params.s, params.beta]);
}
