import { emptyCounts, type MetricKind, SCALES } from './scales';

/** One row of `SELECT value, count(*) ... GROUP BY value`; drivers return bigint counts as strings. */
export interface ValueCountRow {
  value: number | string;
  count: number | string | bigint;
}

/**
 * Turn sparse GROUP BY rows into the dense counts array the metric functions take.
 * Values outside the scale are rejected: they mean a broken answer, not a zero.
 */
export function countsFromRows(kind: MetricKind, rows: Iterable<ValueCountRow>): number[] {
  const { min, max } = SCALES[kind];
  const counts = emptyCounts(kind);
  for (const row of rows) {
    const value = Number(row.value);
    const count = Number(row.count);
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new RangeError(`${kind} answer value ${String(row.value)} is outside ${min}..${max}`);
    }
    if (!Number.isSafeInteger(count) || count < 0) {
      throw new RangeError(`count for ${kind} value ${value} must be a non-negative integer`);
    }
    counts[value - min] += count;
  }
  return counts;
}

/** Histogram of raw answer values; handy for in-memory data and tests. */
export function countAnswers(kind: MetricKind, values: Iterable<number>): number[] {
  const { min, max } = SCALES[kind];
  const counts = emptyCounts(kind);
  for (const v of values) {
    if (!Number.isInteger(v) || v < min || v > max) {
      throw new RangeError(`${kind} answer value ${v} is outside ${min}..${max}`);
    }
    counts[v - min]++;
  }
  return counts;
}
