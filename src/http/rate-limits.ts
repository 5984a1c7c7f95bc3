import { normalizeIP } from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';

/**
 * Every rate limit of the API in one place, with the reason for it. Counters live in the
 * process (@fastify/rate-limit's memory store); brute-force protection of logins is kept in the
 * database instead (login_throttle), so it holds across processes and fails closed with it.
 */
export const RATE_LIMITS = {
  /**
   * Any caller, keyed by what the route authenticated (see `rateLimitKey`): protects the server
   * from one runaway integration.
   */
  default: { max: 1200, timeWindow: '1 minute' },
  /** Logins per IP: slows password guessing across many addresses from one source. */
  login: { max: 10, timeWindow: '1 minute' },
  /** Public survey and widget routes per IP: anyone can call them, so they get the strictest limit. */
  public: { max: 60, timeWindow: '1 minute' },
  /** First-run set-up per IP: its token is long and random; this bounds guessing even so. */
  setup: { max: 10, timeWindow: '15 minutes' },
} as const;

/**
 * The bucket a request counts in, decided after the auth hook has run: the API key or the
 * session's user that a route authenticated; otherwise (public routes, logins, callers whose
 * credentials failed) the client address. A header nobody checked names no bucket: any value
 * of it would be a fresh one. The address is the connection's, or what trusted proxies say
 * (TRUST_PROXY); IPv6 addresses count by their /64, what one subscriber usually holds.
 */
export function rateLimitKey(req: FastifyRequest): string {
  const p = req.principal;
  if (p?.kind === 'api_key' && p.apiKeyId) return `key:${p.apiKeyId}`;
  if (p?.kind === 'session' && p.userId) return `user:${p.userId}`;
  return `ip:${normalizeIP(req.ip)}`;
}
