import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database';
import { createTestDatabase, ENGINES } from './helpers/db';

/**
 * The catalogue of the migrated schema: every table with an `org_id` column has row-level
 * security enabled and forced (the table's owner obeys it too) and a policy for the application
 * role, the work of `orientir_protect`. A table added without it fails here, whatever its module.
 */
describe.each(ENGINES)('row-level security of every tenant table on %s', (engine) => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db?.close());

  it('is enabled and forced on every table with an org_id column', async () => {
    const tables = await db.queryOwner<{
      name: string;
      enabled: boolean;
      forced: boolean;
      appPolicies: number;
    }>(`
      select c.relname as name, c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
             (select count(*)::int from pg_policy p
               where p.polrelid = c.oid
                 and p.polroles @> array[(select oid from pg_roles where rolname = 'orientir_app')]) as "appPolicies"
        from pg_class c
        join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = current_schema()
         and c.relkind in ('r', 'p')
         and exists (select 1 from pg_attribute a
                      where a.attrelid = c.oid and a.attname = 'org_id' and not a.attisdropped)
       order by c.relname`);
    // The check reads the schema the migrations built, not an empty one.
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(['customers', 'events', 'idempotency_keys', 'customer_value_staging']),
    );
    const unprotected = tables
      .filter((t) => !t.enabled || !t.forced || t.appPolicies < 1)
      .map((t) => `${t.name} (enabled ${t.enabled}, forced ${t.forced}, app policies ${t.appPolicies})`);
    expect(unprotected).toEqual([]);
  });
});
