/**
 * Whether an error means the database could not be reached or dropped the connection (restart,
 * failover, idle timeout, `pg_terminate_backend`), rather than refusing what was asked: the same
 * request may succeed a little later, so the answer is 503 with Retry-After, not 500.
 */

/** SQLSTATEs of a lost or refused connection: class 08, admin shutdown, crash shutdown, cannot
 * connect now (starting or stopping), too many connections. */
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);

/** Socket errors of a peer that is gone or unreachable. */
const ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ENOTFOUND',
]);

/** What `pg` and `pg-pool` say, without a code, when a connection ends, times out or is unusable. */
const MESSAGES = [
  /^Connection terminated/, // "... unexpectedly", "... due to connection timeout"
  /^timeout exceeded when trying to connect/,
  /^Client has encountered a connection error and is not queryable/,
  /^Client was closed and is not queryable/,
  /^Cannot use a pool after calling end on the pool/,
];

type ErrorLike = { code?: unknown; syscall?: unknown; message?: unknown; cause?: unknown; errors?: unknown };

function isConnectionErrorItself(e: ErrorLike): boolean {
  const code = typeof e.code === 'string' ? e.code : undefined;
  if (code && (/^08[0-9A-Z]{3}$/.test(code) || SQLSTATES.has(code) || ERRNOS.has(code))) return true;
  if (e.syscall === 'connect') return true;
  return typeof e.message === 'string' && MESSAGES.some((m) => m.test(e.message as string));
}

/** The error, or one it wraps, that says the connection failed; Drizzle wraps in `cause`, Node's
 * connect to several addresses in `AggregateError.errors`. */
function findConnectionError(err: unknown, depth = 0): ErrorLike | undefined {
  if (!err || typeof err !== 'object' || depth > 8) return undefined;
  const e = err as ErrorLike;
  if (isConnectionErrorItself(e)) return e;
  if (Array.isArray(e.errors)) {
    for (const inner of e.errors) {
      const found = findConnectionError(inner, depth + 1);
      if (found) return found;
    }
  }
  return findConnectionError(e.cause, depth + 1);
}

export function isConnectionError(err: unknown): boolean {
  return findConnectionError(err) !== undefined;
}

/**
 * What to log about a connection failure: its code and message only. The wrapping error carries
 * the failed query's parameters (customers' data), and pg-pool's the whole client.
 */
export function connectionFailure(err: unknown): { code?: string; reason: string } {
  const found = findConnectionError(err);
  const code = typeof found?.code === 'string' ? found.code : undefined;
  const reason = typeof found?.message === 'string' ? found.message : String(err);
  return code ? { code, reason } : { reason };
}

/** Seconds a client is asked to wait before retrying while the database is unavailable. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;
