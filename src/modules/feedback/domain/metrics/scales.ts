/** The three feedback metrics and the answer scale each is asked on. */
export type MetricKind = 'nps' | 'csat' | 'ces';

export interface Scale {
  min: number;
  max: number;
  /** Number of answer values, i.e. the length of a counts array. */
  size: number;
}

export const SCALES: Readonly<Record<MetricKind, Scale>> = {
  nps: { min: 0, max: 10, size: 11 },
  csat: { min: 1, max: 5, size: 5 },
  ces: { min: 1, max: 7, size: 7 },
};

/** Below this many answers a result is shown with a "small sample" warning. */
export const SMALL_SAMPLE_THRESHOLD = 30;

/**
 * Check a histogram of answers: `counts[i]` is the number of answers with value `scale.min + i`.
 * Throws rather than guessing, since a wrong-length array would silently shift every value.
 */
export function assertCounts(kind: MetricKind, counts: readonly number[]): void {
  const { size, min, max } = SCALES[kind];
  if (!Array.isArray(counts) || counts.length !== size) {
    throw new RangeError(`${kind} counts must have ${size} entries (values ${min}..${max})`);
  }
  for (let i = 0; i < size; i++) {
    const c = counts[i];
    if (typeof c !== 'number' || !Number.isInteger(c) || c < 0) {
      throw new RangeError(
        `${kind} count for value ${min + i} must be a non-negative integer, got ${String(c)}`,
      );
    }
  }
}

/** An all-zero counts array for a metric. */
export function emptyCounts(kind: MetricKind): number[] {
  return new Array<number>(SCALES[kind].size).fill(0);
}
