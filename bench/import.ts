// Large imports: `orientir import events FILE`, run as its own process on each engine, for
// generated CSV files of several sizes (default 100 MB and 1 GB) beside a one-row file (the process
// with its database open, nothing imported). It reports each file's peak resident set side by side:
// what the import adds must stay flat, whatever the size of the file. And the import's rate
// against a COPY of the same rows into the same database in the same run (the rows resolved to
// customer ids before the clock starts, as COPY needs them).
// BENCH_IMPORT_MB lists the sizes in MB (default "100,1024"); BENCH_IMPORT_ENGINES names the
// engines (default postgres,pglite). PostgreSQL is TEST_DATABASE_URL, in a fresh schema.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Database, Engine } from '../src/db/database';
import { openPglite } from '../src/db/pglite';
import { openPostgres } from '../src/db/postgres';
import { TEST_DATABASE_URL } from '../test/helpers/db';
import type { BenchResult } from './types';

const SIZES_MB = (process.env.BENCH_IMPORT_MB ?? '100,1024').split(',').map(Number);
const GROWTH_BUDGET_MB = 300;
/** BENCH_IMPORT_ENGINES=postgres (or pglite) measures one engine. */
const ENGINES = (process.env.BENCH_IMPORT_ENGINES ?? 'postgres,pglite').split(',') as Engine[];
const CUSTOMERS = 50_000;
const BIN = join(import.meta.dirname, '..', 'bin', 'orientir.js');
const TYPES = ['purchase', 'purchase', 'visit', 'contact', 'referral'];

/** Writes a CSV of about `megabytes` MB of events (0: one row), streaming; returns its row count. */
async function writeEventsCsv(path: string, megabytes: number): Promise<number> {
  const out = createWriteStream(path);
  const target = megabytes * 1024 * 1024;
  const perChunk = megabytes ? 10_000 : 1;
  const start = Date.parse('2024-01-01T00:00:00Z');
  let written = 0;
  let rows = 0;
  const write = (text: string) =>
    out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', resolve));
  await write('id,type,customerExternalId,occurredAt,amount,currency,channel,touchpoint\n');
  do {
    let chunk = '';
    for (let k = 0; k < perChunk; k++, rows++) {
      const type = TYPES[rows % TYPES.length];
      const at = new Date(start + ((rows * 7919) % 63_000_000) * 1000).toISOString();
      const money = type === 'purchase' ? `${100 + (rows % 20_000)},EUR` : ',';
      chunk += `ev-${rows},${type},c-${(rows * 31) % CUSTOMERS},${at},${money},web,checkout\n`;
    }
    written += Buffer.byteLength(chunk);
    await write(chunk);
  } while (written < target);
  await new Promise<void>((resolve, reject) =>
    out.end((err?: Error | null) => (err ? reject(err) : resolve())),
  );
  return rows;
}

/** Runs the CLI and samples its peak resident set (VmHWM) until it exits. */
function runImport(env: NodeJS.ProcessEnv, file: string): Promise<{ peakMb: number; seconds: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [BIN, 'import', 'events', file, '--org', 'bench'], {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let peakKb = 0;
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const sample = setInterval(() => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const hwm = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
        peakKb = Math.max(peakKb, hwm);
      } catch {
        // the process has just ended
      }
    }, 100);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(sample);
      if (code !== 0) reject(new Error(`import exited with ${code}: ${stderr.slice(-500)}`));
      else resolve({ peakMb: peakKb / 1024, seconds: (performance.now() - started) / 1000 });
    });
  });
}

/** The CLI's environment on `engine`: a fresh folder, or a fresh schema (dropped by `cleanUp`). */
async function engineEnv(engine: Engine, dir: string) {
  const env = { ...process.env, LOG_LEVEL: 'silent', ORIENTIR_DATA_DIR: join(dir, 'data'), DATABASE_URL: '' };
  if (engine === 'pglite') {
    return { env, open: () => openPglite(join(dir, 'data')), cleanUp: async () => {} };
  }
  const schema = `bench_import_${randomBytes(4).toString('hex')}`;
  const admin = await openPostgres({ url: TEST_DATABASE_URL, max: 1 });
  await admin.execOwner(`create schema ${schema}`);
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    env: { ...env, DATABASE_URL: url.toString() },
    open: () => openPostgres({ url: TEST_DATABASE_URL, schema, max: 2 }),
    cleanUp: async () => {
      await admin.execOwner(`drop schema ${schema} cascade`);
      await admin.close();
    },
  };
}

async function measure(engine: Engine, megabytes: number) {
  const dir = mkdtempSync(join(tmpdir(), 'orientir-import-'));
  const { env, open, cleanUp } = await engineEnv(engine, dir);
  try {
    const created = spawnSync(
      process.execPath,
      [BIN, 'org', 'create', '--name', 'Bench', '--slug', 'bench', '--owner', 'owner@bench.example'],
      { env, encoding: 'utf8' },
    );
    if (created.status !== 0) throw new Error(`org create failed: ${created.stderr}`);
    const file = join(dir, 'events.csv');
    const rows = await writeEventsCsv(file, megabytes);
    const fileMb = statSync(file).size / 1024 / 1024;
    const run = await runImport(env, file);
    const copySeconds = megabytes ? await copySameRows(await open(), file) : 0;
    return { rows, fileMb, copySeconds, ...run };
  } finally {
    await cleanUp();
    rmSync(dir, { recursive: true, force: true });
  }
}

const COPY_ROWS = 100_000;
const EVENT_COLUMNS = [
  'org_id',
  'id',
  'customer_id',
  'type',
  'occurred_at',
  'amount_minor',
  'currency',
  'amount_base_minor',
  'channel',
  'touchpoint',
  'data',
];

/**
 * The file's rows by COPY into an organization of their own in the same database, with the same
 * customers: the seconds COPY took, the rows being put in its format (customer ids resolved) first.
 */
async function copySameRows(db: Database, file: string) {
  try {
    const [org] = await db.queryOwner<{ id: string }>(
      `insert into orgs (slug, name, widget_secret) values ('bench-copy', 'Bench COPY', 'x') returning id::text`,
    );
    const ids = Array.from({ length: CUSTOMERS }, () => randomUUID());
    await db.copyFrom(
      'customers',
      ['org_id', 'id', 'external_id'],
      ids.map((id, i) => `${org.id},${id},c-${i}\n`).join(''),
    );
    const byExternalId = new Map(ids.map((id, i) => [`c-${i}`, id]));
    let seconds = 0;
    let chunk = '';
    let count = 0;
    const flush = async () => {
      const started = performance.now();
      await db.copyFrom('events', EVENT_COLUMNS, chunk);
      seconds += (performance.now() - started) / 1000;
      chunk = '';
      count = 0;
    };
    let header = true;
    for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
      if (header || !line) {
        header = false;
        continue;
      }
      const [id, type, customer, at, amount, currency, channel, touchpoint] = line.split(',');
      chunk += `${org.id},${id},${byExternalId.get(customer)},${type},${at},${amount},${currency},${amount},${channel},${touchpoint},{}\n`;
      if (++count === COPY_ROWS) await flush();
    }
    if (count) await flush();
    return seconds;
  } finally {
    await db.close();
  }
}

export async function benchImport(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const engine of ENGINES) {
    const idle = await measure(engine, 0);
    const runs = [];
    for (const megabytes of SIZES_MB) runs.push(await measure(engine, megabytes));
    for (const run of runs) {
      // The one-row import's time is the process's start and its database's opening.
      const importRate = run.rows / Math.max(0.001, run.seconds - idle.seconds);
      const copyRate = run.rows / run.copySeconds;
      results.push(
        {
          name: `import of a ${run.fileMb.toFixed(0)} MB events CSV, memory it adds (${engine})`,
          value: run.peakMb - idle.peakMb,
          unit: 'MB',
          budget: GROWTH_BUDGET_MB,
          baseline: idle.peakMb,
          note: `peak resident set ${run.peakMb.toFixed(0)} MB; baseline: ${idle.peakMb.toFixed(0)} MB for a one-row file (the process with its database open); ${run.rows.toLocaleString('en')} rows`,
        },
        {
          name: `import of a ${run.fileMb.toFixed(0)} MB events CSV, rate (${engine})`,
          value: importRate,
          unit: 'rows/s',
          baseline: copyRate,
          note: `${(importRate / copyRate).toFixed(2)} of COPY; ${run.seconds.toFixed(0)} s in all, less ${idle.seconds.toFixed(1)} s of a one-row import (start, database open); baseline: COPY of the same rows in the same run into an organization of its own (${run.copySeconds.toFixed(0)} s)`,
        },
      );
    }
    if (runs.length > 1) {
      const [small, large] = [runs[0], runs[runs.length - 1]];
      results.push({
        name: `import peak memory, ${large.fileMb.toFixed(0)} MB file beside ${small.fileMb.toFixed(0)} MB (${engine})`,
        value: large.peakMb,
        unit: 'MB',
        baseline: small.peakMb,
        note: `flat when equal; ${(large.fileMb / small.fileMb).toFixed(1)}× the rows; baseline: the ${small.fileMb.toFixed(0)} MB file's peak resident set`,
      });
    }
  }
  return results;
}
