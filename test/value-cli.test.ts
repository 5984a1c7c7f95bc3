import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import type { Database, Engine } from '../src/db/database';
import { migrate } from '../src/db/migrate';
import { openPglite } from '../src/db/pglite';
import { openPostgres } from '../src/db/postgres';
import { createAppContext } from '../src/runtime';
import { ADMIN_TOKEN, type TestApp } from './helpers/app';
import { createUsdOrg, postEvents, readCdnowEvents } from './helpers/cdnow';
import { ENGINES, TEST_DATABASE_URL } from './helpers/db';

const BIN = join(process.cwd(), 'bin', 'orientir.js');
const SLUG = 'cli-cdnow';
const CUSTOMERS = 200;

function run(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A database the CLI will open itself: a PGlite folder, or a fresh schema on the server. */
async function prepareDatabase(
  engine: Engine,
): Promise<{ db: Database; env: Record<string, string>; drop: () => Promise<void> }> {
  if (engine === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'orientir-value-cli-'));
    return {
      db: await openPglite(dir),
      env: { ORIENTIR_DATA_DIR: dir },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const schema = `value_cli_${randomBytes(4).toString('hex')}`;
  const admin = await openPostgres({ url: TEST_DATABASE_URL, max: 1 });
  await admin.execOwner(`create schema ${schema}`);
  await admin.close();
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    db: await openPostgres({ url: TEST_DATABASE_URL, schema, max: 2 }),
    env: { DATABASE_URL: url.toString() },
    drop: async () => {
      const a = await openPostgres({ url: TEST_DATABASE_URL, max: 1 });
      await a.execOwner(`drop schema ${schema} cascade`);
      await a.close();
    },
  };
}

/** Seeds the database through the API of an in-process app, then lets it go for the CLI. */
async function seed(db: Database) {
  await migrate(db);
  const config = loadConfig({ ORIENTIR_ADMIN_TOKEN: ADMIN_TOKEN, LOG_LEVEL: 'silent' });
  const ctx = await createAppContext({ config, db });
  const app = await buildApp({ ctx, logger: false });
  const t = { app, ctx } as unknown as TestApp;
  const org = await createUsdOrg(t, SLUG);
  await postEvents(
    t,
    org,
    readCdnowEvents().filter((e) => Number(e.customerExternalId.slice(6)) <= CUSTOMERS),
  );
  await app.close();
  ctx.mailer.close();
  await db.close();
}

describe.each(ENGINES)('orientir value fit on %s', (engine) => {
  let env: Record<string, string>;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const prepared = await prepareDatabase(engine);
    env = prepared.env;
    drop = prepared.drop;
    await seed(prepared.db);
  });
  afterAll(() => drop?.());

  it('fits in-process and prints the report, in the language asked for', async () => {
    const json = await run(
      ['value', 'fit', '--org', SLUG, '--until', '1997-09-30', '--holdout-until', '1998-06-30', '--json'],
      env,
    );
    expect(json.stderr).toMatch(/load[\s\S]*fit[\s\S]*score[\s\S]*write/);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report).toMatchObject({ until: '1997-09-30', timeUnit: 'week' });
    expect(report.customers).toBeGreaterThan(CUSTOMERS / 2);
    expect(report.holdout).toMatchObject({ from: '1997-10-01', until: '1998-06-30', length: 39 });
    expect(report.scoring.scored).toBe(report.customers);

    const text = await run(
      [
        ...['value', 'fit', '--org', SLUG, '--until', '1997-09-30', '--holdout-until', '1998-06-30'],
        ...['--time-unit', 'week', '--report', '--locale', 'pl'],
      ],
      env,
    );
    expect(text.code).toBe(0);
    const out = text.stdout;
    expect(out).toContain('kalibracja do 1997-09-30');
    expect(out).toContain('39 tygodni');
    for (const name of ['BG/NBD', 'Pareto/NBD', 'Gamma-Gamma', 'log-wiarygodność'])
      expect(out).toContain(name);
    const pl = (v: number) => new Intl.NumberFormat('pl', { maximumSignificantDigits: 4 }).format(v);
    expect(out).toMatch(new RegExp(`\\br\\s+${pl(report.models.bgnbd.params.r)}`));
    expect(out).toContain(`Oceniono klientów: ${report.customers}`);

    // Without --holdout-until the check runs to the latest purchase of these 200 customers.
    const english = await run(['value', 'fit', '--org', SLUG, '--until', '1997-09-30', '--report'], env);
    expect(english.stdout).toContain('Holdout check 1997-10-01 – 1998-06-20 (37.571 weeks)');
  });

  it('refuses a calibration end in the future and an unknown organization', async () => {
    const commands = [
      ['value', 'fit', '--org', SLUG, '--until', '2999-01-01'],
      ['value', 'fit', '--org', 'no-such-org'],
      ['value', 'fit', '--org', SLUG, '--until', '1997-09-30', '--holdout-until', '1997-09-30'],
      ['value', 'fit', '--org', SLUG, '--time-unit', 'month'],
    ];
    // Each refusal is its own process: side by side on the server; one at a time on an embedded
    // database's folder, which one process opens at a time.
    const results: Awaited<ReturnType<typeof run>>[] = [];
    if (engine === 'pglite') for (const c of commands) results.push(await run(c, env));
    else results.push(...(await Promise.all(commands.map((c) => run(c, env)))));
    const [future, unknown, early, unit] = results;
    expect(future.code).toBe(1);
    expect(future.stderr).toContain('--until: must not be after today');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no organization with slug');
    expect(early.code).toBe(1);
    expect(early.stderr).toContain('--holdout-until: must be after the calibration end 1997-09-30');
    expect(unit.code).toBe(1);
    expect(unit.stderr).toContain('--time-unit');
  });
});
