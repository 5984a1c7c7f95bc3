import { randomBytes } from 'node:crypto';
import type { Database, Engine } from '../../src/db/database';
import { migrate } from '../../src/db/migrate';
import { openPglite } from '../../src/db/pglite';
import { openPostgres } from '../../src/db/postgres';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Every database test runs on both engines. */
export const ENGINES: Engine[] = ['pglite', 'postgres'];

/** A migrated, empty database: PGlite in memory, or a fresh schema on the PostgreSQL server. */
export async function createTestDatabase(engine: Engine): Promise<Database> {
  if (engine === 'pglite') {
    const db = await openPglite();
    await migrate(db);
    return db;
  }
  const schema = `t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = await openPostgres({ url: TEST_DATABASE_URL, max: 1 });
  await admin.execOwner(`create schema ${schema}`);
  await admin.close();
  const db = await openPostgres({ url: TEST_DATABASE_URL, schema, max: 5 });
  await migrate(db);
  const close = db.close.bind(db);
  return {
    ...db,
    close: async () => {
      await db.execOwner(`drop schema ${schema} cascade`);
      await close();
    },
  };
}
