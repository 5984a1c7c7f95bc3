import type { FastifyRequest } from 'fastify';
import { safeEqual } from '../lib/crypto';
import { AppError } from '../lib/errors';
import { authenticateApiKey, authenticateSession, type Principal } from '../modules/orgs/api';
import type { App } from './types';

declare module 'fastify' {
  interface FastifyRequest {
    /** Why authentication refused the request; answered once the rate limiter has counted it. */
    authRefusal?: AppError;
  }
}

export const SESSION_COOKIE = 'orientir_session';
export const CSRF_COOKIE = 'orientir_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function bearerOf(req: FastifyRequest): string | undefined {
  const header = req.headers.authorization;
  if (!header) return undefined;
  const [scheme, value] = header.split(' ', 2);
  if (scheme?.toLowerCase() !== 'bearer' || !value) {
    throw new AppError('unauthorized', 'Authorization header must be "Bearer <key>"');
  }
  return value.trim();
}

/**
 * The one auth guard: every route declares `config.access`; API routes without it refuse
 * to register. Cookie-authenticated writes must echo the CSRF token in a header.
 */
export function registerAuth(app: App) {
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    app.routeList.push({ method: String(route.method), url: route.url, access, schema: route.schema });
    if (route.url.startsWith('/api/') && !access) {
      throw new Error(`route ${route.method} ${route.url} declares no access rule`);
    }
  });

  // A refusal waits for the rate limiter (a route hook, so it runs after this one): a request
  // whose credentials fail counts against its address, never in a bucket a made-up header names.
  app.addHook('onRequest', async (req) => {
    try {
      req.principal = await authenticate(app, req);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      req.authRefusal = err;
    }
  });
  app.addHook('preParsing', async (req) => {
    if (req.authRefusal) throw req.authRefusal;
  });
}

/** The principal a route's access rule admits; none for public and instance-token routes. */
async function authenticate(app: App, req: FastifyRequest): Promise<Principal | undefined> {
  const access = req.routeOptions.config?.access;
  if (!access || access === 'public') return undefined;
  const { config, db, clock } = app.ctx;

  if (access === 'admin-token') {
    if (!config.adminToken) {
      throw new AppError('forbidden', 'instance administration is disabled: set ORIENTIR_ADMIN_TOKEN');
    }
    const token = bearerOf(req);
    if (!token || !safeEqual(token, config.adminToken)) {
      throw new AppError('unauthorized', 'a valid instance admin token is required');
    }
    return undefined;
  }

  const bearer = bearerOf(req);
  const sessionToken = req.cookies?.[SESSION_COOKIE];
  const principal = bearer
    ? await authenticateApiKey(db, clock, bearer)
    : sessionToken
      ? await authenticateSession(db, clock, sessionToken)
      : null;
  if (!principal) throw new AppError('unauthorized', 'authentication required: an API key or a session');
  if (principal.kind === 'session' && !SAFE_METHODS.has(req.method)) {
    const sent = req.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || !principal.csrfToken || !safeEqual(sent, principal.csrfToken)) {
      throw new AppError('forbidden', `a ${CSRF_HEADER} header matching the session is required`);
    }
  }
  if (access !== 'authenticated' && !principal.permissions.has(access)) {
    throw new AppError('forbidden', `this needs the ${access} permission`);
  }
  return principal;
}
