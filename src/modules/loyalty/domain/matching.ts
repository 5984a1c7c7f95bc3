/**
 * Nearest-neighbour matching on the logit of the propensity score, 1:1 without replacement, within a
 * caliper of 0.2 standard deviations of the logit (Austin 2011, "Optimal caliper widths for
 * propensity-score matching"); and the balance it leaves, as standardized mean differences.
 */

/** Austin's caliper: this many standard deviations of the logit of the propensity score. */
export const CALIPER_SDS = 0.2;

/** A covariate counts as balanced when its standardized mean difference after matching is at most this. */
export const BALANCE_LIMIT = 0.1;

export interface Pair {
  treated: number;
  control: number;
}

/** Sample standard deviation (n − 1); 0 for fewer than two values. */
export function standardDeviation(values: readonly number[]): number {
  const n = values.length;
  if (n < 2) return 0;
  let mean = 0;
  for (const v of values) mean += v;
  mean /= n;
  let s = 0;
  for (const v of values) s += (v - mean) ** 2;
  return Math.sqrt(s / (n - 1));
}

/**
 * Greedy 1:1 matching without replacement: the treated are taken in the order given (callers shuffle
 * them with a seeded generator, as Austin's greedy matching does), each to the nearest control not yet
 * used whose logit lies within `caliper` of its own; a treated unit with none stays unmatched. Ties go to
 * the control with the lower logit, then the lower index. Returns pairs of indices into the two arrays.
 */
export function matchNearest(
  treatedLogits: readonly number[],
  controlLogits: readonly number[],
  caliper: number,
  order?: readonly number[],
): Pair[] {
  const sorted = controlLogits.map((_, i) => i).sort((a, b) => controlLogits[a] - controlLogits[b] || a - b);
  const values = sorted.map((i) => controlLogits[i]);
  const m = sorted.length;
  // A doubly linked list over the sorted controls still free: a used one is skipped in O(1).
  const prev = new Int32Array(m + 2);
  const next = new Int32Array(m + 2);
  for (let i = 0; i < m + 2; i++) {
    prev[i] = i - 1;
    next[i] = i + 1;
  }
  // Node i + 1 is sorted[i]; 0 and m + 1 are the ends.
  const alive = new Uint8Array(m + 2).fill(1);
  const pairs: Pair[] = [];
  for (const t of order ?? treatedLogits.map((_, i) => i)) {
    const x = treatedLogits[t];
    // The first sorted control with a logit ≥ x, then its nearest free neighbours on either side.
    let lo = 0;
    let hi = m;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    let right = lo + 1;
    while (right <= m && !alive[right]) right = next[right];
    let left = lo;
    while (left >= 1 && !alive[left]) left = prev[left];
    const dRight = right <= m ? values[right - 1] - x : Number.POSITIVE_INFINITY;
    const dLeft = left >= 1 ? x - values[left - 1] : Number.POSITIVE_INFINITY;
    const node = dLeft <= dRight ? left : right;
    const distance = Math.min(dLeft, dRight);
    if (!(distance <= caliper)) continue;
    alive[node] = 0;
    next[prev[node]] = next[node];
    prev[next[node]] = prev[node];
    pairs.push({ treated: t, control: sorted[node - 1] });
  }
  return pairs;
}

/**
 * Standardized mean difference of one covariate: (mean of the treated − mean of the controls) over
 * √((s²_treated + s²_controls) / 2); for a 0/1 covariate the same with its proportions' variances.
 * 0 when both groups are constant at the same value; ±Infinity when constant at different values.
 */
export function standardizedMeanDifference(treated: readonly number[], controls: readonly number[]): number {
  if (!treated.length || !controls.length) return Number.NaN;
  const mean = (v: readonly number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const variance = (v: readonly number[]) => standardDeviation(v) ** 2;
  const difference = mean(treated) - mean(controls);
  const pooled = Math.sqrt((variance(treated) + variance(controls)) / 2);
  if (pooled === 0) return difference === 0 ? 0 : Math.sign(difference) * Number.POSITIVE_INFINITY;
  return difference / pooled;
}
