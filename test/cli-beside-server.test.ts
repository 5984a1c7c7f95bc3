import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HANDOFF_FILE, readHandoff } from '../src/local-admin/handoff';

// A real server process on the embedded database in a temporary folder, bound to the loopback
// address: the CLI must create organizations while the server holds the folder.
const BIN = join(process.cwd(), 'bin', 'orientir.js');
const dataDir = mkdtempSync(join(tmpdir(), 'orientir-cli-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

const env = (extra: Record<string, string> = {}) => ({
  ...process.env,
  ORIENTIR_DATA_DIR: dataDir,
  DATABASE_URL: '',
  ORIENTIR_ADMIN_TOKEN: '',
  ...extra,
});

function cli(args: string[]) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: env() });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Starts `orientir serve` and waits until it answers and has printed its set-up token. */
async function serve(port: number) {
  const child = spawn(process.execPath, [BIN, 'serve'], {
    env: env({ HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn' }),
  });
  children.push(child);
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 360; i++) {
    if (child.exitCode !== null) throw new Error(`server exited: ${log}`);
    const token = /"setupToken":"([\w-]+)"/.exec(log)?.[1];
    if (token && (await fetch(`${url}/healthz`).catch(() => undefined))?.ok) return { child, url, token };
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not start: ${log}`);
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.on('exit', (code) => resolve(code));
  });

describe('the CLI beside a server on the embedded database', () => {
  it('sets up through the logged token, then creates organizations through the running server', async () => {
    const server = await serve(await freePort());

    const handoff = readHandoff(dataDir);
    expect(handoff?.pid).toBe(server.child.pid);
    expect(new URL(handoff?.url ?? 'http://x').hostname).toBe('127.0.0.1');
    expect(statSync(join(dataDir, HANDOFF_FILE)).mode & 0o777).toBe(0o600);
    // The listener answers only its token.
    const stranger = await fetch(`${handoff?.url}/orgs`, { method: 'POST', body: '{}' });
    expect(stranger.status).toBe(401);

    const setUp = await fetch(`${server.url}/api/v1/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        token: server.token,
        name: 'Piekarnia Kłos',
        defaultLocale: 'pl',
        baseCurrency: 'PLN',
        timeZone: 'Europe/Warsaw',
        ownerEmail: 'owner@klos.example',
        ownerPassword: 'chleb z masłem i miodem',
      }),
    });
    expect(setUp.status).toBe(201);

    const created = await cli([
      'org',
      'create',
      '--name',
      'Second',
      '--slug',
      'second',
      '--owner',
      'o@second.example',
    ]);
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    const org = JSON.parse(created.stdout);
    expect(org).toMatchObject({ slug: 'second', ownerEmail: 'o@second.example' });
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'o@second.example', password: org.ownerPassword }),
    });
    expect(login.status).toBe(200);

    const duplicate = await cli([
      'org',
      'create',
      '--name',
      'Again',
      '--slug',
      'second',
      '--owner',
      'x@y.example',
    ]);
    expect(duplicate.code).not.toBe(0);
    expect(duplicate.stderr).toMatch(/^orientir: slug: .*already exists\n$/);

    server.child.kill('SIGTERM');
    expect(await exited(server.child)).toBe(0);
    expect(existsSync(join(dataDir, HANDOFF_FILE))).toBe(false);

    // With the server gone, the CLI opens the folder itself.
    const offline = await cli([
      'org',
      'create',
      '--name',
      'Third',
      '--slug',
      'third',
      '--owner',
      'o@third.example',
    ]);
    expect(offline.code).toBe(0);
    expect(JSON.parse(offline.stdout)).toMatchObject({ slug: 'third' });
  }, 180_000);
});
