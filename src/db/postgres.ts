import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { connectionFailure, isConnectionError } from './connection-errors';
import { APP_ROLE, type Database, type DatabaseLog, type Executor, enterRole, SYSTEM_ROLE } from './database';

// bigint counts come back as strings by default; ours fit in a double.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export interface PostgresOptions {
  url: string;
  /** A schema to work in (tests use a fresh one per run). */
  schema?: string;
  max?: number;
  /** How long getting a connection may take before the request fails (server unreachable). */
  connectTimeoutMs?: number;
}

/** Until the app's logger is handed over: one line on stderr. */
const stderrLog: DatabaseLog = {
  warn: (obj, msg) => process.stderr.write(`orientir: ${msg}: ${(obj as { reason?: string }).reason}\n`),
};

export async function openPostgres({
  url,
  schema,
  max = 10,
  connectTimeoutMs = 5_000,
}: PostgresOptions): Promise<Database> {
  let log = stderrLog;
  const pool = new pg.Pool({
    connectionString: url,
    max,
    options: schema ? `-c search_path=${schema}` : undefined,
    // Fail a request in seconds, not never, when the server cannot be reached.
    connectionTimeoutMillis: connectTimeoutMs,
    // Notice a peer that vanished without closing (failover, a dropped network path).
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  });
  // The server ended an idle connection (restart, failover, idle timeout, pg_terminate_backend):
  // the pool has already dropped that client and opens a new one when needed. Without a
  // listener, the event would end the process.
  pool.on('error', (err) =>
    log.warn(connectionFailure(err), 'database connection lost; it will be replaced'),
  );
  // A connection that breaks while checked out fails the query in flight, which the caller sees;
  // the client's own `error` event is then no news, and unheard it would end the process. pg marks
  // such a client unusable, and the pool discards it when it is released instead of reusing it.
  pool.on('connect', (client) => client.on('error', () => {}));
  const orm = drizzle({ client: pool }) as unknown as Executor;
  const inRole = <T>(role: string, orgId: string | null, fn: (tx: Executor) => Promise<T>) =>
    orm.transaction(async (tx) => {
      await enterRole(tx as unknown as Executor, role, orgId);
      return fn(tx as unknown as Executor);
    });
  return {
    engine: 'postgres',
    withOrg: (orgId, fn) => inRole(APP_ROLE, orgId, fn),
    asSystem: (fn) => inRole(SYSTEM_ROLE, null, fn),
    ownerSession: async (fn) => {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        return await fn({
          exec: async (statements) => {
            await client.query(statements);
          },
          query: async <T>(text: string, params: unknown[] = []) =>
            (await client.query(text, params)).rows as T[],
        });
      } catch (err) {
        if (isConnectionError(err)) broken = err as Error;
        throw err;
      } finally {
        client.release(broken);
      }
    },
    execOwner: async (statements) => {
      await pool.query(statements);
    },
    queryOwner: async <T>(text: string, params: unknown[] = []) =>
      (await pool.query(text, params)).rows as T[],
    copyFrom: async (table, columns, csv) => {
      const { from } = await import('pg-copy-streams');
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await new Promise<void>((resolve, reject) => {
          const stream = client.query(
            from(`copy ${table} (${columns.join(',')}) from stdin with (format csv)`),
          );
          stream.on('finish', resolve);
          stream.on('error', reject);
          stream.end(csv);
        });
      } catch (err) {
        if (isConnectionError(err)) broken = err as Error;
        throw err;
      } finally {
        client.release(broken);
      }
    },
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    logTo: (next) => {
      log = next;
    },
    close: () => pool.end(),
  };
}
