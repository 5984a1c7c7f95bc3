// Pareto/NBD per-customer predictions (Schmittlein, Morrison & Colombo 1987; Fader & Hardie 2005 note):
//   P(alive | x, tx, T) = (α+T)^-(r+x) (β+T)^-s / [ (α+T)^-(r+x) (β+T)^-s + s/(r+s+x) A0 ]
//   E[X(t) | x, tx, T]  = (r+x)(β+T) / ((α+T)(s-1)) · [1 - ((β+T)/(β+T+t))^(s-1)] · P(alive)
// The (s-1) division is taken as a limit, so s = 1 needs no special case. P(alive) needs two
// hypergeometric evaluations per customer and is computed once per distinct (x, tx, T).
import { expm1Ratio } from '../../../../lib/special-functions';
import { type DiscountSchedule, sumDiscountedIncrements, validateSchedule } from './discounting';
import { groupRecencyFrequency } from './group';
import { computeParetoLogTerms, createParetoNbdLikelihood } from './pareto-nbd-likelihood';
import type { ParetoNbdParams, RecencyFrequency } from './types';

/** P(alive) of one customer. */
export function computeParetoNbdAliveProbabilityOne(
  p: ParetoNbdParams,
  x: number,
  tx: number,
  T: number,
): number {
  const { logFirst, logBracket } = computeParetoLogTerms(p.r, p.alpha, p.s, p.beta, x, tx, T);
  return Math.min(1, Math.exp(logFirst - logBracket));
}

/** [1 - ((β+T)/(β+T+t))^(s-1)] / (s-1): depends on T and t only. */
function computeCurve(p: ParetoNbdParams, T: number, t: number): number {
  if (t <= 0) return 0;
  return Math.max(0, -expm1Ratio(p.s - 1, Math.log(p.beta + T) - Math.log(p.beta + T + t)));
}

/** (r+x)(β+T)/(α+T): the alive customer's purchase-rate factor. */
function computeScale(p: ParetoNbdParams, x: number, T: number): number {
  return ((p.r + x) * (p.beta + T)) / (p.alpha + T);
}

/** E[X(t) | x, tx, T] of one customer. */
export function predictParetoNbdPurchasesOne(
  p: ParetoNbdParams,
  x: number,
  tx: number,
  T: number,
  t: number,
): number {
  return computeScale(p, x, T) * computeCurve(p, T, t) * computeParetoNbdAliveProbabilityOne(p, x, tx, T);
}

function output(out: Float64Array | undefined, n: number): Float64Array {
  if (out && out.length !== n) throw new RangeError('out: length must match the data');
  return out ?? new Float64Array(n);
}

/**
 * Per-row value computed once per distinct (x, tx, T) tuple from that tuple's P(alive), which
 * comes from the likelihood's cached hypergeometric terms.
 */
function mapTuples(
  params: ParetoNbdParams,
  data: RecencyFrequency,
  compute: (x: number, tx: number, T: number, alive: number) => number,
  out: Float64Array,
): Float64Array {
  const groups = groupRecencyFrequency(data);
  const likelihood = createParetoNbdLikelihood(groups);
  const logFirst = new Float64Array(groups.count);
  const logBracket = new Float64Array(groups.count);
  const theta = [params.r, params.alpha, params.s, params.beta];
  if (!likelihood.computeLogTerms(theta, logFirst, logBracket))
    throw new RangeError('params: must all be > 0');
  const value = new Float64Array(groups.count);
  for (let g = 0; g < groups.count; g++) {
    const alive = Math.min(1, Math.exp(logFirst[g] - logBracket[g]));
    value[g] = compute(groups.x[g], groups.tx[g], groups.T[g], alive);
  }
  for (let i = 0; i < out.length; i++) out[i] = value[groups.groupOf[i]];
  return out;
}

/** P(alive) for every row. */
export function computeParetoNbdAliveProbability(
  params: ParetoNbdParams,
  data: RecencyFrequency,
  out?: Float64Array,
): Float64Array {
  return mapTuples(params, data, (_x, _tx, _T, alive) => alive, output(out, data.x.length));
}

/** Expected repeat purchases in the next `horizon` time units, for every row. */
export function predictParetoNbdPurchases(
  params: ParetoNbdParams,
  data: RecencyFrequency,
  horizon: number,
  out?: Float64Array,
): Float64Array {
  if (!(horizon >= 0)) throw new RangeError('horizon: must be >= 0');
  return mapTuples(
    params,
    data,
    (x, _tx, T, alive) => computeScale(params, x, T) * computeCurve(params, T, horizon) * alive,
    output(out, data.x.length),
  );
}

/** Σ_k (expected purchases in period k) / (1+d)^k for every row (see discounting.ts). */
export function predictParetoNbdDiscountedPurchases(
  params: ParetoNbdParams,
  data: RecencyFrequency,
  schedule: DiscountSchedule,
  out?: Float64Array,
): Float64Array {
  validateSchedule(schedule);
  // The discounted sum depends on T only: cache it per T.
  const byT = new Map<number, number>();
  return mapTuples(
    params,
    data,
    (x, _tx, T, alive) => {
      let sum = byT.get(T);
      if (sum === undefined) {
        sum = sumDiscountedIncrements((t) => computeCurve(params, T, t), schedule);
        byT.set(T, sum);
      }
      return computeScale(params, x, T) * alive * sum;
    },
    output(out, data.x.length),
  );
}
