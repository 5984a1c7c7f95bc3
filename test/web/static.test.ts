import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/http/types';
import { registerWeb } from '../../src/http/web';
import { createTestApp, type TestApp } from '../helpers/app';
import { ENGINES } from '../helpers/db';

describe('dashboard files', () => {
  let root: string;
  let app: App;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'orientir-web-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(root, 'assets', 'app-abc123.js'), 'console.log(1)');
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

  it('answers an unknown API path with problem+json, not the dashboard', async () => {
    const res = await t.app.inject({ url: '/api/v1/does-not-exist' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ status: 404, type: 'urn:orientir:problem:not_found' });
  });
});
