/**
 * Every rate limit of the API in one place, with the reason for it. Counters live in the
 * process (@fastify/rate-limit's memory store); brute-force protection of logins is kept in the
 * database instead (login_throttle), so it holds across processes and fails closed with it.
 */
export const RATE_LIMITS = {
  /** Any caller, keyed by API key or by IP: protects the server from one runaway integration. */
  default: { max: 1200, timeWindow: '1 minute' },
  /** Logins per IP: slows password guessing across many addresses from one source. */
  login: { max: 10, timeWindow: '1 minute' },
  /** Public survey and widget routes per IP: anyone can call them, so they get the strictest limit. */
  public: { max: 60, timeWindow: '1 minute' },
} as const;
