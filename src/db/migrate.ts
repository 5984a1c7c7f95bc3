import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_ROLE, type Database, SYSTEM_ROLE } from './database';

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

export function listMigrations(): string[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort();
}

/**
 * Roles are cluster-wide and may already exist (another database, another test schema);
 * creating them tolerates that race.
 */
const ROLES_SQL = [APP_ROLE, SYSTEM_ROLE]
  .map(
    (role) => `do $$ begin
  if not exists (select 1 from pg_roles where rolname = '${role}') then
    create role ${role} nologin nosuperuser nobypassrls;
  end if;
exception when duplicate_object or unique_violation then null;
end $$;
do $$ begin
  execute format('grant ${role} to %I', current_user);
exception when duplicate_object or unique_violation then null;
end $$;`,
  )
  .join('\n');

/**
 * Applies the SQL files of `migrations/` in name order, each in its own transaction, once.
 * Plain SQL keeps roles, row-level security policies and partial indexes in one reviewable
 * place and runs unchanged on PGlite and PostgreSQL; the Drizzle tables mirror it.
 */
export function migrate(db: Database): Promise<string[]> {
  return db.ownerSession(async (s) => {
    // Several processes may start at once: one applies, the others wait and find nothing to do.
    await s.exec(`select pg_advisory_lock(727274);`);
    try {
      await s.exec(ROLES_SQL);
      await s.exec(
        `create table if not exists orientir_migrations (name text primary key, applied_at timestamptz not null default now())`,
      );
      const applied = new Set(
        (await s.query<{ name: string }>('select name from orientir_migrations')).map((r) => r.name),
      );
      const done: string[] = [];
      for (const name of listMigrations()) {
        if (applied.has(name)) continue;
        const body = readFileSync(join(MIGRATIONS_DIR, name), 'utf8');
        await s.exec(
          `begin;\n${body}\n;insert into orientir_migrations(name) values ('${name}');\n${grantsSql()}\ncommit;`,
        );
        done.push(name);
      }
      return done;
    } finally {
      await s.exec(`select pg_advisory_unlock(727274);`);
    }
  });
}

/** Both runtime roles may use every table of the current schema; policies decide which rows. */
function grantsSql() {
  return `do $$ declare s text := current_schema(); begin
  execute format('grant usage on schema %I to ${APP_ROLE}, ${SYSTEM_ROLE}', s);
  execute format('grant select, insert, update, delete on all tables in schema %I to ${APP_ROLE}, ${SYSTEM_ROLE}', s);
  execute format('grant usage, select on all sequences in schema %I to ${APP_ROLE}, ${SYSTEM_ROLE}', s);
end $$;`;
}

export async function pendingMigrations(db: Database): Promise<string[]> {
  try {
    const applied = new Set(
      (await db.queryOwner<{ name: string }>('select name from orientir_migrations')).map((r) => r.name),
    );
    return listMigrations().filter((m) => !applied.has(m));
  } catch {
    return listMigrations();
  }
}
