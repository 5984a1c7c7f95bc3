import { randomBytes } from 'node:crypto';
import type { Database, Engine } from '../../src/db/database';
import { migrate } from '../../src/db/migrate';
import { openPglite } from '../../src/db/pglite';
import { openPostgres } from '../../src/db/postgres';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * Every database test runs on both engines; TEST_ENGINES=pglite (as `npm run test:quick` sets it)
 * narrows a run to the listed ones.
 */
export const ENGINES: Engine[] = enginesToTest(process.env.TEST_ENGINES);

function enginesToTest(list: string | undefined): Engine[] {
  const all: Engine[] = ['pglite', 'postgres'];
  if (!list?.trim()) return all;
  const named = list.split(',').map((name) => name.trim());
  const unknown = named.filter((name) => !all.includes(name as Engine));
  if (unknown.length) throw new Error(`TEST_ENGINES: unknown engine ${unknown.join(', ')}`);
  return all.filter((engine) => named.includes(engine));
}

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
