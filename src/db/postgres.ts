import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { APP_ROLE, type Database, type Executor, enterRole, SYSTEM_ROLE } from './database';

// bigint counts come back as strings by default; ours fit in a double.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export interface PostgresOptions {
  url: string;
  /** A schema to work in (tests use a fresh one per run). */
  schema?: string;
  max?: number;
}

export async function openPostgres({ url, schema, max = 10 }: PostgresOptions): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    options: schema ? `-c search_path=${schema}` : undefined,
  });
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
      try {
        return await fn({
          exec: async (statements) => {
            await client.query(statements);
          },
          query: async <T>(text: string, params: unknown[] = []) =>
            (await client.query(text, params)).rows as T[],
        });
      } finally {
        client.release();
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
      try {
        await new Promise<void>((resolve, reject) => {
          const stream = client.query(
            from(`copy ${table} (${columns.join(',')}) from stdin with (format csv)`),
          );
          stream.on('finish', resolve);
          stream.on('error', reject);
          stream.end(csv);
        });
      } finally {
        client.release();
      }
    },
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    close: () => pool.end(),
  };
}
