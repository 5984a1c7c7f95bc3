import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_LIMIT } from '../src/app';
import { ADMIN_TOKEN, createTestApp, type TestApp, type TestOrg } from './helpers/app';
import { ENGINES } from './helpers/db';

describe.each(ENGINES)('platform core on %s', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  beforeAll(async () => {
    t = await createTestApp(engine);
    org = await t.createOrg();
  });
  afterAll(() => t?.close());

  const problem = (res: { statusCode: number; headers: Record<string, unknown>; json: () => any }) => {
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    const body = res.json();
    expect(body.status).toBe(res.statusCode);
    expect(typeof body.title).toBe('string');
    expect(typeof body.detail).toBe('string');
    return body;
  };

  it('answers health, readiness, OpenAPI and docs', async () => {
    expect((await t.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject('/readyz')).json()).toEqual({ status: 'ready' });
    const doc = (await t.app.inject('/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.paths['/api/v1/admin/orgs'].post).toBeDefined();
    expect((await t.app.inject('/docs/')).statusCode).toBe(200);
    const metrics = await t.app.inject('/metrics');
    expect(metrics.body).toContain('orientir_http_request_duration_seconds');
    expect(metrics.body).toContain('orientir_job_queue_depth');
  });

  it('creates organizations only with the instance admin token', async () => {
    const payload = { name: 'X', slug: 'no-token', ownerEmail: 'x@no-token.example' };
    const none = await t.app.inject({ method: 'POST', url: '/api/v1/admin/orgs', payload });
    expect(none.statusCode).toBe(401);
    problem(none);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/orgs',
      headers: { authorization: 'Bearer wrong-token-wrong-token' },
      payload,
    });
    expect(wrong.statusCode).toBe(401);
    expect(org).toMatchObject({ slug: expect.any(String), ownerPassword: expect.any(String) });
    expect(org.apiKey).toMatch(/^ork_/);
    const dup = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/orgs',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      payload: { name: 'Again', slug: org.slug, ownerEmail: 'other@x.example' },
    });
    expect(dup.statusCode).toBe(409);
    expect(problem(dup).detail).toContain('slug');
  });

  it('answers bad input with problem+json naming the field, never 5xx', async () => {
    const post = (payload: string, headers: Record<string, string> = {}) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/admin/orgs',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json', ...headers },
        payload,
      });
    const malformed = await post('{"name": ');
    expect(malformed.statusCode).toBe(400);
    problem(malformed);
    const missing = await post(JSON.stringify({ name: 'A' }));
    expect(missing.statusCode).toBe(400);
    const body = problem(missing);
    expect(body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['body.slug', 'body.ownerEmail']),
    );
    const wrongType = await post(JSON.stringify({ name: 5, slug: 'ok-slug', ownerEmail: 'a@b.example' }));
    expect(wrongType.statusCode).toBe(400);
    expect(problem(wrongType).errors[0].field).toBe('body.name');
    const huge = await post(JSON.stringify({ name: 'x'.repeat(BODY_LIMIT + 10) }));
    expect(huge.statusCode).toBe(413);
    problem(huge);
    const unknown = await t.app.inject('/api/v1/nothing-here');
    expect(unknown.statusCode).toBe(404);
    problem(unknown);
    const wrongMedia = await post('<a/>', { 'content-type': 'application/xml' });
    expect(wrongMedia.statusCode).toBe(415);
    problem(wrongMedia);
  });

  it('logs in with a session cookie, requires CSRF for writes and logs out', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: org.ownerEmail, password: 'wrong' },
    });
    expect(bad.statusCode).toBe(401);
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'nobody@nowhere.example', password: 'wrong' },
    });
    expect(unknown.json().detail).toBe(bad.json().detail); // no user enumeration

    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: org.ownerEmail.toUpperCase(), password: org.ownerPassword },
    });
    expect(res.statusCode).toBe(200);
    const session = res.cookies.find((c) => c.name === 'orientir_session')!;
    expect(session.httpOnly).toBe(true);
    expect(session.sameSite).toBe('Strict');
    const cookie = `orientir_session=${session.value}`;
    const me = await t.app.inject({ url: '/api/v1/me', headers: { cookie } });
    expect(me.json()).toMatchObject({ kind: 'session', user: { role: 'owner' }, org: { slug: org.slug } });

    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: { cookie },
      payload: { name: 'k', scopes: ['read'] },
    });
    expect(noCsrf.statusCode).toBe(403);
    const withCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: { cookie, 'x-csrf-token': res.json().csrfToken },
      payload: { name: 'k', scopes: ['read'] },
    });
    expect(withCsrf.statusCode).toBe(201);

    const out = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie, 'x-csrf-token': res.json().csrfToken },
    });
    expect(out.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('locks an address after five failed logins, even with the right password', async () => {
    const other = await t.createOrg();
    const attempt = (password: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: other.ownerEmail, password },
        remoteAddress: `10.0.0.${Math.floor(Math.random() * 250)}`,
      });
    for (let i = 0; i < 5; i++) expect((await attempt('nope')).statusCode).toBe(401);
    expect((await attempt(other.ownerPassword)).statusCode).toBe(429);
    t.clock.advance(16 * 60 * 1000);
    expect((await attempt(other.ownerPassword)).statusCode).toBe(200);
  });

  it('limits login attempts per address, sends security headers and request ids', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: `nobody${i}@nowhere.example`, password: 'x' },
        remoteAddress: '192.0.2.77',
      });
      codes.push(res.statusCode);
    }
    expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
    expect(codes.slice(10)).toEqual([429, 429]);
    const res = await t.app.inject({ url: '/healthz', headers: { 'x-request-id': 'trace-12345678' } });
    expect(res.headers['x-request-id']).toBe('trace-12345678');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    // Without an https public address there is no HSTS (test/web/static.test.ts has the https case).
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('runs tenant transactions as a role that is neither superuser nor BYPASSRLS', async () => {
    const role = await t.ctx.db.withOrg(org.orgId, async (tx) => {
      const res = await tx.execute(
        'select current_user as name, rolsuper, rolbypassrls from pg_roles where rolname = current_user' as never,
      );
      return (res as unknown as { rows: Record<string, unknown>[] }).rows[0];
    });
    expect(role).toEqual({ name: 'orientir_app', rolsuper: false, rolbypassrls: false });
  });

  it('enforces roles and API key scopes, and records key use', async () => {
    const viewer = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: org.auth,
      payload: { email: `viewer@${org.slug}.example`, role: 'viewer' },
    });
    expect(viewer.statusCode).toBe(201);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: viewer.json().email, password: viewer.json().password },
    });
    const cookie = `orientir_session=${login.cookies.find((c) => c.name === 'orientir_session')!.value}`;
    const csrf = login.json().csrfToken;
    expect((await t.app.inject({ url: '/api/v1/org', headers: { cookie } })).statusCode).toBe(200);
    const patch = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/org',
      headers: { cookie, 'x-csrf-token': csrf },
      payload: { name: 'Hacked' },
    });
    expect(patch.statusCode).toBe(403);

    const readKey = await t.app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: org.auth,
      payload: { name: 'reader', scopes: ['read'] },
    });
    const reader = { authorization: `Bearer ${readKey.json().apiKey}` };
    expect((await t.app.inject({ url: '/api/v1/org', headers: reader })).statusCode).toBe(200);
    expect(
      (await t.app.inject({ method: 'PATCH', url: '/api/v1/org', headers: reader, payload: { name: 'x' } }))
        .statusCode,
    ).toBe(403);
    const keys = (await t.app.inject({ url: '/api/v1/api-keys', headers: org.auth })).json().items;
    const listed = keys.find((k: { id: string }) => k.id === readKey.json().id);
    expect(listed.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(keys)).not.toContain(readKey.json().apiKey);

    const revoke = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/api-keys/${readKey.json().id}`,
      headers: org.auth,
    });
    expect(revoke.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/org', headers: reader })).statusCode).toBe(401);
  });

  it('answers 409 to a duplicate that arrives while the first request with its key still runs', async () => {
    const send = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/api-keys',
        headers: { ...org.auth, 'idempotency-key': 'concurrent-1' },
        payload: { name: 'concurrent', scopes: ['read'] },
      });
    const codes = (await Promise.all([send(), send(), send()])).map((r) => r.statusCode).sort();
    expect(codes[0]).toBe(201);
    expect(codes.slice(1).every((c) => c === 409 || c === 201)).toBe(true);
    const keys = (await t.app.inject({ url: '/api/v1/api-keys', headers: org.auth })).json().items;
    expect(keys.filter((k: { name: string }) => k.name === 'concurrent')).toHaveLength(1);
  });

  it('replays writes with the same Idempotency-Key and refuses another body with it', async () => {
    const send = (name: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/api-keys',
        headers: { ...org.auth, 'idempotency-key': 'key-1' },
        payload: { name, scopes: ['read'] },
      });
    const first = await send('idem');
    const again = await send('idem');
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(again.headers['idempotent-replayed']).toBe('true');
    const keys = (await t.app.inject({ url: '/api/v1/api-keys', headers: org.auth })).json().items;
    expect(keys.filter((k: { name: string }) => k.name === 'idem')).toHaveLength(1);
    const other = await send('different');
    expect(other.statusCode).toBe(422);
    problem(other);
  });
});
