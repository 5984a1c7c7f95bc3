import { databaseErrorOf } from './database';

/**
 * A transaction PostgreSQL chose to abort so that another could go on: a deadlock victim
 * (40P01) or a serialization failure (40001). Run again from the start, it normally succeeds.
 */
const RETRYABLE = new Set(['40P01', '40001']);

/** Whether `err` (from either driver, possibly wrapped by Drizzle) is a transaction worth running again. */
export function isRetryableConflict(err: unknown): boolean {
  return RETRYABLE.has(databaseErrorOf(err)?.code ?? '');
}

export type RetryOptions = {
  /** Runs in all, the first included. */
  attempts?: number;
  /** The first pause's upper bound; each later one doubles it. */
  baseDelayMs?: number;
  /** Told of each conflict that is retried (a metric, a log line). */
  onRetry?: (attempt: number, err: unknown) => void;
};

/**
 * Runs `transaction` (a whole transaction: nothing it did survives its failure) and runs it
 * again when the database aborted it as a deadlock victim or a serialization failure, a
 * bounded number of times, after a random pause (full jitter) so the contenders do not meet
 * again in step. Locks taken in one global order keep deadlocks away; this is the second line.
 */
export async function retryOnConflict<T>(
  transaction: () => Promise<T>,
  { attempts = 4, baseDelayMs = 20, onRetry }: RetryOptions = {},
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await transaction();
    } catch (err) {
      if (attempt >= attempts || !isRetryableConflict(err)) throw err;
      onRetry?.(attempt, err);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * baseDelayMs * 2 ** (attempt - 1)));
    }
  }
}
