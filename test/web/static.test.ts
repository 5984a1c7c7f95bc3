import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/http/types';
import { registerWeb } from '../../src/http/web';
import { createTestApp, type TestApp } from '../helpers/app';
import { ENGINES } from '../helpers/db';

const BIG_SCRIPT = `const rows = [${'"row",'.repeat(5000)}];`;

describe('dashboard files', () => {
  let root: string;
  let app: App;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'orientir-web-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(root, 'assets', 'app-abc123.js'), 'console.log(1)');
    // What the build writes beside a large file (web/precompress.ts).
    writeFileSync(join(root, 'assets', 'big-def456.js'), BIG_SCRIPT);
    writeFileSync(join(root, 'assets', 'big-def456.js.br'), brotliCompressSync(BIG_SCRIPT));
    writeFileSync(join(root, 'assets', 'big-def456.js.gz'), gzipSync(BIG_SCRIPT));
    app = Fastify() as unknown as App;
    await registerWeb(app, root);
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves hashed assets for a year and the app shell for any dashboard path', async () => {
    const asset = await app.inject({ url: '/assets/app-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    for (const url of ['/', '/customers', '/cases/123?tab=timeline']) {
      const res = await app.inject({ url });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toContain('id="root"');
    }
  });

  it('sends the compressed copy the browser accepts, brotli first, and the plain file otherwise', async () => {
    const br = await app.inject({ url: '/assets/big-def456.js', headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toContain('immutable');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(BIG_SCRIPT);
    const gz = await app.inject({ url: '/assets/big-def456.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(BIG_SCRIPT);
    const plain = await app.inject({
      url: '/assets/big-def456.js',
      headers: { 'accept-encoding': 'identity' },
    });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(BIG_SCRIPT);
  });

  it('never serves files outside its folder', async () => {
    for (const url of ['/../package.json', '/%2e%2e/package.json', '/assets/../../package.json']) {
      const res = await app.inject({ url });
      expect(res.body).not.toContain('"name"');
    }
  });

  it('keeps API and survey paths out of the dashboard', async () => {
    for (const url of ['/api/v1/nothing-here', '/s/unknown']) {
      const res = await app.inject({ url });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });
});

describe.each(ENGINES)('dashboard routes in the app (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.close());

  it('does not ask browsers to upgrade to https unless the public address is https', async () => {
    const csp = (await t.app.inject({ url: '/healthz' })).headers['content-security-policy'] as string;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    const secure = await createTestApp(engine, { PUBLIC_URL: 'https://cx.example.com' });
    try {
      const res = await secure.app.inject({ url: '/healthz' });
      expect(res.headers['content-security-policy']).toContain('upgrade-insecure-requests');
      expect(res.headers['strict-transport-security']).toContain('max-age=');
    } finally {
      await secure.close();
    }
  });

  it('compresses API answers of a kilobyte or more, not smaller ones', async () => {
    const big = await t.app.inject({ url: '/openapi.json', headers: { 'accept-encoding': 'br, gzip' } });
    expect(big.headers['content-encoding']).toBe('br');
    const spec = JSON.parse(brotliDecompressSync(big.rawPayload).toString());
    expect(spec.openapi).toBe('3.1.0');
    expect(big.rawPayload.length).toBeLessThan(JSON.stringify(spec).length / 4);
    const gz = await t.app.inject({ url: '/openapi.json', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const small = await t.app.inject({ url: '/healthz', headers: { 'accept-encoding': 'br, gzip' } });
    expect(small.headers['content-encoding']).toBeUndefined();
  });

  it('answers an unknown API path with problem+json, not the dashboard', async () => {
    const res = await t.app.inject({ url: '/api/v1/does-not-exist' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ status: 404, type: 'urn:orientir:problem:not_found' });
  });
});
