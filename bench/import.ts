// Import memory: `orientir import events FILE`, run as its own process on each engine, for a large
// generated CSV against a one-row file (the process with its database open, nothing imported):
// what the import adds to the peak resident set must stay flat, a few hundred MB at most,
// whatever the size of the file. BENCH_IMPORT_MB sets the large file's size (default 128; 1024
// for the 1 GB figure). PostgreSQL is TEST_DATABASE_URL, in a fresh schema; BENCH_IMPORT_ENGINES
// names the engines (default postgres,pglite).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Engine } from '../src/db/database';
import { openPostgres } from '../src/db/postgres';
import { TEST_DATABASE_URL } from '../test/helpers/db';
import type { BenchResult } from './types';

const LARGE_MB = Number(process.env.BENCH_IMPORT_MB ?? 128);
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
  if (engine === 'pglite') return { env, cleanUp: async () => {} };
  const schema = `bench_import_${randomBytes(4).toString('hex')}`;
  const admin = await openPostgres({ url: TEST_DATABASE_URL, max: 1 });
  await admin.execOwner(`create schema ${schema}`);
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    env: { ...env, DATABASE_URL: url.toString() },
    cleanUp: async () => {
      await admin.execOwner(`drop schema ${schema} cascade`);
      await admin.close();
    },
  };
}

async function measure(engine: Engine, megabytes: number) {
  const dir = mkdtempSync(join(tmpdir(), 'orientir-import-'));
  const { env, cleanUp } = await engineEnv(engine, dir);
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
    return { rows, fileMb, ...(await runImport(env, file)) };
  } finally {
    await cleanUp();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchImport(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const engine of ENGINES) {
    const idle = await measure(engine, 0);
    const large = await measure(engine, LARGE_MB);
    results.push({
      name: `import of a ${large.fileMb.toFixed(0)} MB events CSV, memory it adds (${engine})`,
      value: large.peakMb - idle.peakMb,
      unit: 'MB',
      budget: GROWTH_BUDGET_MB,
      note: `peak resident set ${large.peakMb.toFixed(0)} MB against ${idle.peakMb.toFixed(0)} MB for a one-row file (the process with its database open); ${large.rows.toLocaleString('en')} rows at ${Math.round(large.rows / large.seconds).toLocaleString('en')} rows/s, process start included`,
    });
  }
  return results;
}
