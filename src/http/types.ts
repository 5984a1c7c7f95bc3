import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config';
import type { Database } from '../db/database';
import type { EventBus } from '../events/bus';
import type { JobQueue } from '../jobs/queue';
import type { Clock } from '../lib/clock';
import type { Permission, Principal } from '../modules/orgs/api';
import type { Mailer } from '../notify/mailer';

/** Everything a route or job needs from the running process. */
export interface AppContext {
  config: Config;
  db: Database;
  clock: Clock;
  jobs: JobQueue;
  bus: EventBus;
  mailer: Mailer;
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/**
 * Who may call a route: `public` (anyone), `admin-token` (the instance token),
 * `session` (any logged-in principal) or a permission.
 */
export type RouteAccess = 'public' | 'admin-token' | 'authenticated' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    principal?: Principal;
  }
  interface FastifyInstance {
    ctx: AppContext;
    /** Every registered route with its access rule and schema (the isolation and fuzz tests walk it). */
    routeList: { method: string; url: string; access?: RouteAccess; schema?: FastifySchema }[];
  }
}

/** The principal of an authorised route; the auth hook has already refused anonymous callers. */
export function principalOf(req: { principal?: Principal }): Principal {
  if (!req.principal) throw new Error('route reached without a principal');
  return req.principal;
}
