/**
 * Brute-force protection of logins, one record per e-mail address (README: five failed logins
 * within 15 minutes lock the address for 15 minutes). Pure decisions over that record; the
 * service reads and writes it under a row lock, so concurrent logins take turns here.
 *
 * A login reserves its attempt before its password is checked, and the reservation counts
 * against the address like a failure until the password proves right. So no more than five
 * wrong passwords are ever checked within 15 minutes, however many logins arrive at once, and a
 * right password frees its own reservation only: failures recorded meanwhile stay counted.
 */
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_LOCK_MS = 15 * 60 * 1000;
/** A reservation not settled within this was lost with its process: it stays as a failure. */
export const RESERVATION_STALE_MS = 60 * 1000;

/** Instants in epoch milliseconds. */
export type ThrottleState = {
  /** Wrong passwords (and lost reservations) within the window. */
  failures: number[];
  /** Logins whose password is being checked. */
  pending: number[];
  lockedUntil: number | null;
};

export const EMPTY_THROTTLE: ThrottleState = { failures: [], pending: [], lockedUntil: null };

function prune(state: ThrottleState, now: number): ThrottleState {
  const lost = state.pending.filter((at) => at <= now - RESERVATION_STALE_MS);
  return {
    failures: [...state.failures, ...lost].filter((at) => at > now - LOGIN_WINDOW_MS),
    pending: state.pending.filter((at) => at > now - RESERVATION_STALE_MS),
    lockedUntil: state.lockedUntil !== null && state.lockedUntil > now ? state.lockedUntil : null,
  };
}

/** Whether a login may check its password now; if so, its reservation is `now`. */
export function reserveAttempt(
  state: ThrottleState,
  now: number,
): { allowed: boolean; state: ThrottleState } {
  const s = prune(state, now);
  const allowed = s.lockedUntil === null && s.failures.length + s.pending.length < LOGIN_MAX_FAILURES;
  return { allowed, state: allowed ? { ...s, pending: [...s.pending, now] } : s };
}

/**
 * The outcome of the login that reserved at `reservedAt`: a right password gives its reservation
 * back, a wrong one turns it into a failure, and the fifth failure in the window locks the address.
 */
export function settleAttempt(
  state: ThrottleState,
  reservedAt: number,
  ok: boolean,
  now: number,
): ThrottleState {
  const s = prune(state, now);
  const i = s.pending.indexOf(reservedAt);
  // Gone: it went stale and already counts as a failure; nothing more to record either way.
  if (i < 0) return s;
  const pending = [...s.pending.slice(0, i), ...s.pending.slice(i + 1)];
  if (ok) return { ...s, pending };
  const failures = [...s.failures, now];
  const lockedUntil = failures.length >= LOGIN_MAX_FAILURES ? now + LOGIN_LOCK_MS : s.lockedUntil;
  return { failures, pending, lockedUntil };
}
