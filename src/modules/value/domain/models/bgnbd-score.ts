// BG/NBD per-customer predictions (Fader, Hardie & Lee 2005, eqs. 10 and 11).
//
// P(alive | x, tx, T) = 1 / (1 + δ(x>0) a/(b+x-1) ((α+T)/(α+tx))^(r+x))
// E[X(t) | x, tx, T]  = (a+b+x-1)/(a-1) [1 - ((α+T)/(α+T+t))^(r+x) 2F1(r+x, b+x; a+b+x-1; z)] · P(alive),
//   z = t/(α+T+t).
// Euler's transformation turns the bracket into 1 - (1-z)^(a-1) 2F1(a+b-1-r, a-1; a+b+x-1; z),
// whose series converges fast for large x and whose (a-1) factor is divided out analytically,
// so a = 1 needs no special case. The bracket depends on (x, T) only: it is computed once per
// distinct pair and shared by all customers with that pair.
import { indexDistinctRows } from '../../../../lib/distinct-rows';
import { hyp2f1MinusOneOverB } from '../../../../lib/hypergeometric';
import { expm1Ratio } from '../../../../lib/special-functions';
import { type DiscountSchedule, sumDiscountedIncrements, validateSchedule } from './discounting';
import type { BgNbdParams, RecencyFrequency } from './types';

/** P(alive) of one customer. */
export function computeBgNbdAliveProbabilityOne(p: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  const logOdds =
    Math.log(p.a / (p.b + x - 1)) + (p.r + x) * (Math.log(p.alpha + T) - Math.log(p.alpha + tx));
  return 1 / (1 + Math.exp(logOdds));
}

/** [1 - ((α+T)/(α+T+t))^(r+x) 2F1(...)] / (a-1): expected purchases in (T, T+t] per (a+b+x-1) of an alive customer. */
function computeBracket(p: BgNbdParams, x: number, T: number, t: number): number {
  if (t <= 0) return 0;
  const eps = p.a - 1;
  const logOneMinusZ = Math.log(p.alpha + T) - Math.log(p.alpha + T + t);
  const z = t / (p.alpha + T + t);
  const g = hyp2f1MinusOneOverB(p.a + p.b - 1 - p.r, eps, p.a + p.b + x - 1, z);
  // [1 - e^(eps·L) (1 + eps·g)] / eps = -expm1(eps·L)/eps - g·e^(eps·L); negative when a+b+x-1 < 0.
  return -expm1Ratio(eps, logOneMinusZ) - g * Math.exp(eps * logOneMinusZ);
}

/** E[X(t) | x, tx, T] of one customer. */
export function predictBgNbdPurchasesOne(
  p: BgNbdParams,
  x: number,
  tx: number,
  T: number,
  t: number,
): number {
  const perAlive = Math.max(0, (p.a + p.b + x - 1) * computeBracket(p, x, T, t)); // never below 0 by rounding
  return perAlive * computeBgNbdAliveProbabilityOne(p, x, tx, T);
}

function output(out: Float64Array | undefined, n: number): Float64Array {
  if (out && out.length !== n) throw new RangeError('out: length must match the data');
  return out ?? new Float64Array(n);
}

/** P(alive) for every row. */
export function computeBgNbdAliveProbability(
  params: BgNbdParams,
  data: RecencyFrequency,
  out?: Float64Array,
): Float64Array {
  const n = data.x.length;
  const res = output(out, n);
  for (let i = 0; i < n; i++)
    res[i] = computeBgNbdAliveProbabilityOne(params, data.x[i], data.tx[i], data.T[i]);
  return res;
}

/** Applies a per-(x, T) curve value to every row: (a+b+x-1) · curve(x, T) · P(alive). */
function scaleByPair(
  params: BgNbdParams,
  data: RecencyFrequency,
  curve: (x: number, T: number) => number,
  out: Float64Array,
): Float64Array {
  const pairs = indexDistinctRows([data.x, data.T]);
  const value = new Float64Array(pairs.count);
  for (let g = 0; g < pairs.count; g++) {
    const i = pairs.firstRow[g];
    value[g] = Math.max(0, (params.a + params.b + data.x[i] - 1) * curve(data.x[i], data.T[i]));
  }
  for (let i = 0; i < out.length; i++) {
    out[i] =
      value[pairs.groupOf[i]] * computeBgNbdAliveProbabilityOne(params, data.x[i], data.tx[i], data.T[i]);
  }
  return out;
}

/** Expected repeat purchases in the next `horizon` time units, for every row. */
export function predictBgNbdPurchases(
  params: BgNbdParams,
  data: RecencyFrequency,
  horizon: number,
  out?: Float64Array,
): Float64Array {
  if (!(horizon >= 0)) throw new RangeError('horizon: must be >= 0');
  return scaleByPair(
    params,
    data,
    (x, T) => computeBracket(params, x, T, horizon),
    output(out, data.x.length),
  );
}

/** Σ_k (expected purchases in period k) / (1+d)^k for every row (see discounting.ts). */
export function predictBgNbdDiscountedPurchases(
  params: BgNbdParams,
  data: RecencyFrequency,
  schedule: DiscountSchedule,
  out?: Float64Array,
): Float64Array {
  validateSchedule(schedule);
  return scaleByPair(
    params,
    data,
    (x, T) => sumDiscountedIncrements((t) => computeBracket(params, x, T, t), schedule),
    output(out, data.x.length),
  );
}
