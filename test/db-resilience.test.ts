// PostgreSQL only, by nature: PGlite runs inside the process and cannot drop a connection. The test
// makes a PostgreSQL cluster of its own (initdb in a temporary folder, another port) so that it can
// terminate, stop and start it; the shared server is never touched.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from './helpers/db';

const ADMIN = 'db-resilience-admin-token';
/** No request may take longer than this, even with the database gone. */
const REQUEST_BOUND_MS = 15_000;

function postgresBinaries(): string | undefined {
  const candidates: string[] = [];
  try {
    candidates.push(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim());
  } catch {
    // no pg_config: look in the Debian layout
  }
  try {
    const versions = execFileSync('ls', ['/usr/lib/postgresql'], { encoding: 'utf8' }).split('\n');
    for (const v of versions.filter(Boolean).sort((a, b) => Number(b) - Number(a)))
      candidates.push(`/usr/lib/postgresql/${v}/bin`);
  } catch {
    // none installed there
  }
  return candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
}

const BIN = postgresBinaries();
if (!BIN)
  console.warn('db-resilience: skipped, initdb/pg_ctl not found (pg_config --bindir, /usr/lib/postgresql)');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** initdb and postgres refuse to run as root: run them as the postgres user when we are root. */
function asPostgres(cmd: string, args: string[]) {
  const root = process.getuid?.() === 0;
  const [file, argv] = root ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
  return execFileSync(file, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
}

/** A throwaway cluster: trust auth, 127.0.0.1 only, its socket in its own folder. */
class Cluster {
  readonly data: string;
  readonly url: string;
  running = false;

  constructor(
    readonly dir: string,
    readonly port: number,
  ) {
    this.data = join(dir, 'data');
    this.url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  }

  init() {
    if (process.getuid?.() === 0) {
      const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
      const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
      chownSync(this.dir, uid, gid);
    }
    asPostgres(join(BIN!, 'initdb'), [
      '-D',
      this.data,
      '-U',
      'postgres',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
      '--no-sync',
    ]);
    asPostgres('mkdir', ['-p', join(this.dir, 'sock')]);
  }

  start() {
    asPostgres(join(BIN!, 'pg_ctl'), [
      'start',
      '-D',
      this.data,
      '-l',
      join(this.dir, 'server.log'),
      '-w',
      '-t',
      '60',
      '-o',
      `-p ${this.port} -k ${join(this.dir, 'sock')} -c listen_addresses=127.0.0.1 -c fsync=off`,
    ]);
    this.running = true;
  }

  stop(mode: 'fast' | 'immediate' = 'fast') {
    asPostgres(join(BIN!, 'pg_ctl'), ['stop', '-D', this.data, '-m', mode, '-w', '-t', '60']);
    this.running = false;
  }

  async query<T>(text: string, params: unknown[] = []): Promise<T[]> {
    const client = new pg.Client({ connectionString: this.url, connectionTimeoutMillis: 5_000 });
    await client.connect();
    try {
      return (await client.query(text, params)).rows as T[];
    } finally {
      await client.end();
    }
  }
}

type Served = { child: ChildProcess; url: string; output: () => string };

/** The real process, `src/main.ts`, so that a crash of it is seen as a crash. */
async function serve(databaseUrl: string): Promise<Served> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      ORIENTIR_ADMIN_TOKEN: ADMIN,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return { child, url, output: () => output };
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`server did not start: ${output}`);
}

const alive = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (!alive(child)) resolve(child.exitCode);
    else child.on('exit', (code) => resolve(code));
  });

/** Left out of PGlite-only runs (`npm run test:quick`). */
const SKIP = !BIN || !ENGINES.includes('postgres');

describe.skipIf(SKIP)('the process when PostgreSQL goes away (PostgreSQL only)', () => {
  let dir: string;
  let cluster: Cluster;
  let app: Served | undefined;
  let apiKey: string;

  const call = (method: string, path: string, body?: unknown) =>
    fetch(`${app!.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${apiKey}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(REQUEST_BOUND_MS),
    });
  const get = (path: string) =>
    fetch(`${app!.url}${path}`, { signal: AbortSignal.timeout(REQUEST_BOUND_MS) });
  const batch = (externalId: string) =>
    call('POST', '/api/v1/customers/batch', { customers: [{ externalId, name: externalId }] });

  /** Polls `path` until it answers `status`; a bounded wait. */
  async function until(path: string, status: number, tries = 120) {
    let last = 0;
    for (let i = 0; i < tries; i++) {
      if (!alive(app!.child)) throw new Error(`the process died: ${app!.output()}`);
      last = (await get(path).catch(() => ({ status: 0 }))).status;
      if (last === status) return;
      await sleep(250);
    }
    throw new Error(`${path} answered ${last}, not ${status}`);
  }

  /** Connections of the app: every client backend but the one asking. */
  const APP_BACKENDS = `pid <> pg_backend_pid() and backend_type = 'client backend'`;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'orientir-pg-'));
    cluster = new Cluster(dir, await freePort());
    cluster.init();
    cluster.start();
    app = await serve(cluster.url);
    const res = await fetch(`${app.url}/api/v1/admin/orgs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Resilient', slug: 'resilient', ownerEmail: 'owner@resilient.example' }),
    });
    expect(res.status).toBe(201);
    apiKey = ((await res.json()) as { apiKey: string }).apiKey;
  }, 180_000);

  afterAll(async () => {
    if (app && alive(app.child)) {
      app.child.kill('SIGKILL');
      await exited(app.child);
    }
    if (cluster?.running) {
      try {
        cluster.stop('immediate');
      } catch {
        // already gone
      }
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  it('replaces connections the server terminated, idle or in flight, and keeps running', async () => {
    expect((await batch('before-1')).status).toBe(200);
    expect((await call('GET', '/api/v1/me')).status).toBe(200);

    // An in-flight request: its insert waits on a lock this test holds while its connection is killed.
    const blocker = new pg.Client({ connectionString: cluster.url });
    await blocker.connect();
    const blockerPid = (await blocker.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0].pid;
    try {
      await blocker.query('begin');
      await blocker.query('lock table customers in access exclusive mode');
      const inFlight = batch('in-flight');
      inFlight.catch(() => undefined); // awaited below; a crash must fail the test, not the run
      let waiting = 0;
      for (let i = 0; i < 80 && !waiting; i++) {
        const [row] = await cluster.query<{ n: number }>(
          `select count(*)::int as n from pg_stat_activity where ${APP_BACKENDS} and wait_event_type = 'Lock' and pid <> $1`,
          [blockerPid],
        );
        waiting = row.n;
        if (!waiting) await sleep(100);
      }
      expect(waiting).toBeGreaterThan(0);

      const killed = await cluster.query<{ pid: number }>(
        `select pid, pg_terminate_backend(pid) from pg_stat_activity where ${APP_BACKENDS} and pid <> $1`,
        [blockerPid],
      );
      expect(killed.length).toBeGreaterThan(0); // the blocked one and the pool's idle ones

      const res = await inFlight.catch((err: Error) => {
        throw new Error(`the request got no answer (${err.message}); the process said: ${app!.output()}`);
      });
      expect(res.status).toBe(503);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(await res.json()).toMatchObject({ status: 503, type: 'urn:orientir:problem:unavailable' });
    } finally {
      await blocker.query('rollback').catch(() => undefined);
      await blocker.end();
    }

    // Whatever the pool held has been told its connection is gone; give the process time to hear it.
    await sleep(1_000);
    expect(alive(app!.child)).toBe(true);
    expect((await batch('after-1')).status).toBe(200);
    expect((await call('GET', '/api/v1/customers/after-1')).status).toBe(200);
    expect((await get('/readyz')).status).toBe(200);

    // Idle connections only, the restart or idle-timeout case.
    const idle = await cluster.query<{ pid: number }>(
      `select pid, pg_terminate_backend(pid) from pg_stat_activity where ${APP_BACKENDS}`,
    );
    expect(idle.length).toBeGreaterThan(0);
    await sleep(1_000);
    expect(alive(app!.child)).toBe(true);
    expect((await call('GET', '/api/v1/me')).status).toBe(200);
    expect((await batch('after-2')).status).toBe(200);
  }, 120_000);

  it('answers 503 problem+json with Retry-After while the server is down, and recovers when it is back', async () => {
    if (!alive(app!.child)) app = await serve(cluster.url); // the previous test may have ended it
    expect((await batch('before-stop')).status).toBe(200);
    cluster.stop('fast');

    for (const res of [await batch('while-down'), await call('GET', '/api/v1/me')]) {
      expect(res.status).toBe(503);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
      const problem = (await res.json()) as { status: number; type: string; detail: string };
      expect(problem).toMatchObject({ status: 503, type: 'urn:orientir:problem:unavailable' });
      expect(problem.detail).toMatch(/database/);
    }
    expect((await get('/readyz')).status).toBe(503);
    expect((await get('/healthz')).status).toBe(200);

    // The job worker polls the database every second: a few of its turns go by during the outage.
    await sleep(3_000);
    expect(alive(app!.child)).toBe(true);
    expect((await get('/readyz')).status).toBe(503);

    cluster.start();
    await until('/readyz', 200);
    expect((await batch('after-restart')).status).toBe(200);
    expect((await call('GET', '/api/v1/customers/while-down')).status).toBe(404);
    expect((await call('GET', '/api/v1/customers/after-restart')).status).toBe(200);
    expect(alive(app!.child)).toBe(true);
    expect(app!.output()).not.toMatch(/unhandled/i);

    // And it still shuts down cleanly.
    app!.child.kill('SIGTERM');
    expect(await exited(app!.child)).toBe(0);
  }, 120_000);
});
