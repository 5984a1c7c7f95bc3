// Collapses customers into distinct (x, tx, T) tuples with weights, so that a likelihood
// evaluation costs one term per distinct tuple rather than one per customer.
import { indexDistinctRows } from '../../../../lib/distinct-rows';
import type { RecencyFrequency, WeightedRecencyFrequency } from './types';

export interface GroupedRecencyFrequency extends WeightedRecencyFrequency {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  /** Customers (or summed input weight) per tuple. */
  weight: Float64Array;
  /** Tuple index of every input row. */
  groupOf: Int32Array;
  count: number;
}

/** Distinct (x, tx, T) tuples with summed weights (each row weighs 1 unless `weight` is given). */
export function groupRecencyFrequency(
  data: RecencyFrequency,
  weight?: ArrayLike<number>,
): GroupedRecencyFrequency {
  const distinct = indexDistinctRows([data.x, data.tx, data.T]);
  const { count, firstRow, groupOf } = distinct;
  const x = new Float64Array(count);
  const tx = new Float64Array(count);
  const T = new Float64Array(count);
  for (let g = 0; g < count; g++) {
    const i = firstRow[g];
    x[g] = data.x[i];
    tx[g] = data.tx[i];
    T[g] = data.T[i];
  }
  let w: Float64Array;
  if (weight) {
    w = new Float64Array(count);
    for (let i = 0; i < groupOf.length; i++) w[groupOf[i]] += weight[i];
  } else {
    w = Float64Array.from(distinct.size);
  }
  return { x, tx, T, weight: w, groupOf, count };
}

/** Rows with weights: `data` itself if it has them, else its grouping. */
export function ensureWeighted(data: RecencyFrequency | WeightedRecencyFrequency): WeightedRecencyFrequency {
  return 'weight' in data && data.weight !== undefined ? data : groupRecencyFrequency(data);
}
