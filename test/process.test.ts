import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../src/db/postgres';
import { ENGINES, TEST_DATABASE_URL } from './helpers/db';

const BIN = join(process.cwd(), 'bin', 'orientir.js');
/** Left out of PGlite-only runs (`npm run test:quick`). */
const NO_PG = !ENGINES.includes('postgres');
const ADMIN = 'process-test-admin-token';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

function run(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

async function startServe(env: Record<string, string>) {
  const child = spawn(process.execPath, [BIN, 'serve'], {
    env: { ...process.env, LOG_LEVEL: 'warn', ORIENTIR_ADMIN_TOKEN: ADMIN, ...env },
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const url = `http://127.0.0.1:${env.PORT}`;
  for (let i = 0; i < 360; i++) {
    if (child.exitCode !== null) throw new Error(`server exited: ${stderr}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return { child, url };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not start: ${stderr}`);
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.on('exit', (code) => resolve(code));
  });

async function createOrg(url: string, slug: string) {
  const res = await fetch(`${url}/api/v1/admin/orgs`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: slug, slug, ownerEmail: `owner@${slug}.example` }),
  });
  expect(res.status).toBe(201);
  return res.json();
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('the orientir process', () => {
  it('refuses a bad configuration with one line naming the variable', async () => {
    const res = await run(['serve'], { PORT: 'eighty' });
    expect(res.code).not.toBe(0);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
    expect(res.stderr).toContain('PORT');
    const url = await run(['serve'], { DATABASE_URL: 'mysql://x' });
    expect(url.stderr).toContain('DATABASE_URL');
  });

  it('prints help for every command and one-line errors for bad arguments', async () => {
    const help = await run(['--help'], {});
    expect(help.stdout).toMatch(/serve[\s\S]*migrate[\s\S]*org[\s\S]*api-key[\s\S]*user/);
    const orgHelp = await run(['org', 'create', '--help'], {});
    expect(orgHelp.stdout).toContain('--owner');
    const bad = await run(['org', 'create', '--name', 'X', '--slug', 'Bad Slug!', '--owner', 'a@b.example'], {
      ORIENTIR_DATA_DIR: mkdtempSync(join(tmpdir(), 'orientir-')),
    });
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('slug');
  });

  it('serves on PGlite, refuses a second process on the same folder, and keeps data across a graceful restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'orientir-'));
    dirs.push(dataDir);
    const port = String(await freePort());
    const first = await startServe({ ORIENTIR_DATA_DIR: dataDir, PORT: port });
    await createOrg(first.url, 'kept-org');

    const second = await run(['serve'], { ORIENTIR_DATA_DIR: dataDir, PORT: String(await freePort()) });
    expect(second.code).not.toBe(0);
    expect(second.stderr).toMatch(/in use by process \d+/);

    // A request in flight when SIGTERM arrives still gets its answer.
    const inFlight = fetch(`${first.url}/api/v1/admin/orgs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'late', slug: 'late-org', ownerEmail: 'owner@late-org.example' }),
    });
    await new Promise((r) => setTimeout(r, 20));
    first.child.kill('SIGTERM');
    expect((await inFlight).status).toBe(201);
    expect(await exited(first.child)).toBe(0);

    const offline = await run(
      ['org', 'create', '--name', 'Offline', '--slug', 'offline-org', '--owner', 'o@off.example'],
      {
        ORIENTIR_DATA_DIR: dataDir,
      },
    );
    expect(offline.code).toBe(0);
    expect(JSON.parse(offline.stdout)).toMatchObject({ slug: 'offline-org', ownerEmail: 'o@off.example' });

    const again = await startServe({ ORIENTIR_DATA_DIR: dataDir, PORT: port });
    const dup = await fetch(`${again.url}/api/v1/admin/orgs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x', slug: 'kept-org', ownerEmail: 'x@kept.example' }),
    });
    expect(dup.status).toBe(409); // the first org survived the restart
    const login = await fetch(`${again.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'o@off.example', password: JSON.parse(offline.stdout).ownerPassword }),
    });
    expect(login.status).toBe(200);
    again.child.kill('SIGINT');
    expect(await exited(again.child)).toBe(0);
  }, 240_000);

  it('serves on PostgreSQL with DATABASE_URL', async ({ skip }) => {
    if (NO_PG) skip();
    const schema = `proc_${Date.now().toString(36)}`;
    const admin = await openPostgres({ url: TEST_DATABASE_URL, max: 1 });
    await admin.execOwner(`create schema ${schema}`);
    try {
      const url = new URL(TEST_DATABASE_URL);
      url.searchParams.set('options', `-c search_path=${schema}`);
      const port = String(await freePort());
      const srv = await startServe({ DATABASE_URL: url.toString(), PORT: port });
      const ready = await fetch(`${srv.url}/readyz`);
      expect(await ready.json()).toEqual({ status: 'ready' });
      await createOrg(srv.url, 'pg-org');
      srv.child.kill('SIGTERM');
      expect(await exited(srv.child)).toBe(0);
    } finally {
      await admin.execOwner(`drop schema ${schema} cascade`);
      await admin.close();
    }
  }, 120_000);
});
