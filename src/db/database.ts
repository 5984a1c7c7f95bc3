import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

/** A Drizzle handle usable both as a database and inside a transaction. */
export type Executor = PgDatabase<PgQueryResultHKT, Record<string, never>>;

export type Engine = 'pglite' | 'postgres';

/** The role tenant transactions run as: row-level security scopes it to one organization. */
export const APP_ROLE = 'orientir_app';
/** The role for the few cross-tenant paths: credential lookups, the job queue, instance set-up. */
export const SYSTEM_ROLE = 'orientir_system';

export interface OwnerSession {
  exec(statements: string): Promise<void>;
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
}

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

/** Where the database layer reports what no caller is waiting for (a dropped idle connection). */
export interface DatabaseLog {
  warn(obj: object, msg: string): void;
}

export interface Database {
  readonly engine: Engine;
  /** Runs `fn` in a transaction that can see only rows of `orgId`. */
  withOrg<T>(orgId: string, fn: (tx: Executor) => Promise<T>): Promise<T>;
  /** Runs `fn` in a transaction across organizations; keep its uses few and named. */
  asSystem<T>(fn: (tx: Executor) => Promise<T>): Promise<T>;
  /** Runs SQL as the connecting (owning) user: migrations, tests and tools only. */
  execOwner(statements: string): Promise<void>;
  queryOwner<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** One connection held for `fn`: session-level locks need it. */
  ownerSession<T>(fn: (session: OwnerSession) => Promise<T>): Promise<T>;
  /** Bulk load through COPY ... FROM STDIN (CSV). */
  copyFrom(table: string, columns: string[], csv: string): Promise<void>;
  poolStats(): PoolStats;
  /** Hands over the process's logger once it exists (the database opens before the app). */
  logTo(log: DatabaseLog): void;
  close(): Promise<void>;
}

/** Opens a transaction as `role`, with the organization set for this transaction only. */
export async function enterRole(tx: Executor, role: string, orgId: string | null) {
  await tx.execute(
    sql`select set_config('role', ${role}, true), set_config('app.org_id', ${orgId ?? ''}, true)`,
  );
}

/** Rows of a raw `execute` result on either driver. */
export function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? (result as T[])) as T[];
}

/** The database's error under `err` (either driver, possibly wrapped by Drizzle in `cause`), if any. */
export function databaseErrorOf(err: unknown): { code: string; constraint?: string } | undefined {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 8; depth++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e as { code: string };
    e = e.cause as typeof e;
  }
  return undefined;
}

/** Whether `err` violates the unique constraint `constraint`. */
export function isUniqueViolation(err: unknown, constraint: string): boolean {
  const found = databaseErrorOf(err);
  return found?.code === '23505' && found.constraint === constraint;
}
