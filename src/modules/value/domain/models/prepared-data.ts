// Likelihood-ready view of weighted recency/frequency rows: Float64 columns plus an index of
// the distinct x values, so that gamma-function terms are computed once per x value.
import { indexDistinctRows } from '../../../../lib/distinct-rows';
import { ensureWeighted } from './group';
import type { RecencyFrequency, WeightedRecencyFrequency } from './types';

export interface PreparedRecencyFrequency {
  n: number;
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  weight: Float64Array;
  /** Index into `xs` of each row. */
  xIndex: Int32Array;
  /** Distinct x values and the summed weight of each. */
  xs: Float64Array;
  xWeight: Float64Array;
  /** Indices into `xs` in increasing x order, for sums over j = 0..x-1. */
  xOrder: Int32Array;
  totalWeight: number;
  /** Summed weight * x, for starting values. */
  totalRepeat: number;
  totalAge: number;
}

function validateRow(x: number, tx: number, T: number, w: number, i: number): void {
  if (!(x >= 0 && Number.isInteger(x))) throw new RangeError(`row ${i}: x must be an integer >= 0`);
  if (!(tx >= 0 && T >= tx && Number.isFinite(T))) throw new RangeError(`row ${i}: need 0 <= tx <= T`);
  if (x === 0 && tx !== 0) throw new RangeError(`row ${i}: tx must be 0 when x is 0`);
  if (!(w >= 0 && Number.isFinite(w))) throw new RangeError(`row ${i}: weight must be finite and >= 0`);
}

/** Groups by (x, tx, T) when no weights are given, validates, and indexes distinct x values. */
export function prepareRecencyFrequency(
  data: RecencyFrequency | WeightedRecencyFrequency,
): PreparedRecencyFrequency {
  const weighted = ensureWeighted(data);
  const n = weighted.x.length;
  const x = Float64Array.from(weighted.x);
  const tx = Float64Array.from(weighted.tx);
  const T = Float64Array.from(weighted.T);
  const weight = Float64Array.from(weighted.weight);
  let totalWeight = 0;
  let totalRepeat = 0;
  let totalAge = 0;
  for (let i = 0; i < n; i++) {
    validateRow(x[i], tx[i], T[i], weight[i], i);
    totalWeight += weight[i];
    totalRepeat += weight[i] * x[i];
    totalAge += weight[i] * T[i];
  }
  const distinct = indexDistinctRows([x]);
  const xs = new Float64Array(distinct.count);
  const xWeight = new Float64Array(distinct.count);
  for (let k = 0; k < distinct.count; k++) xs[k] = x[distinct.firstRow[k]];
  for (let i = 0; i < n; i++) xWeight[distinct.groupOf[i]] += weight[i];
  const xOrder = Int32Array.from(xs.keys()).sort((i, j) => xs[i] - xs[j]);
  return {
    n,
    x,
    tx,
    T,
    weight,
    xIndex: distinct.groupOf,
    xs,
    xWeight,
    xOrder,
    totalWeight,
    totalRepeat,
    totalAge,
  };
}

/**
 * out[k] = Σ_{j=0}^{xs[k]-1} term(j) for every distinct x, in one pass up to the largest x.
 * For integer x, ln Γ(c+x) - ln Γ(c) = Σ ln(c+j) this way, with no cancellation between two
 * huge gamma values when c is large.
 */
export function sumOverRepeats(
  data: PreparedRecencyFrequency,
  term: (j: number) => number,
  out: Float64Array,
): void {
  let j = 0;
  let acc = 0;
  for (let o = 0; o < data.xOrder.length; o++) {
    const k = data.xOrder[o];
    for (; j < data.xs[k]; j++) acc += term(j);
    out[k] = acc;
  }
}
