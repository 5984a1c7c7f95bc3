import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config';
import { RATE_LIMITS } from '../src/http/rate-limits';
import { createTestApp, type TestApp, type TestOrg } from './helpers/app';
import { ENGINES } from './helpers/db';

const LOGIN_MAX = RATE_LIMITS.login.max;
const METRICS_TOKEN = 'metrics-token-0123456789';

describe('TRUST_PROXY', () => {
  const trust = (value?: string) => loadConfig(value === undefined ? {} : { TRUST_PROXY: value }).trustProxy;
  it('trusts no proxy unless told, and takes a list of addresses and ranges', () => {
    expect(trust()).toBe(false);
    expect(trust('')).toBe(false);
    expect(trust('false')).toBe(false);
    expect(trust('192.0.2.10')).toEqual(['192.0.2.10']);
    expect(trust(' 10.0.0.0/8, 192.168.1.7 ,::1, fd00::/8,loopback ')).toEqual([
      '10.0.0.0/8',
      '192.168.1.7',
      '::1',
      'fd00::/8',
      'loopback',
    ]);
  });
  it('refuses true (any client could name its own address), hop counts and what is not an address', () => {
    for (const bad of ['true', 'yes', '1', '10.0.0.0/33', '300.1.1.1', '1.2.3.4,,', '-1', 'fd00::/129']) {
      expect(() => loadConfig({ TRUST_PROXY: bad }), bad).toThrow(ConfigError);
      expect(() => loadConfig({ TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY/);
    }
  });
});

describe.each(ENGINES)('rate limits and metrics on %s', (engine) => {
  const apps: TestApp[] = [];
  const open = async (env: Record<string, string> = {}) => {
    const t = await createTestApp(engine, env);
    apps.push(t);
    return t;
  };
  afterAll(async () => {
    for (const t of apps) await t.close();
  });

  let run = 0;
  /** Failed logins for addresses nobody has, so the per-address lockout never answers. */
  const logins = async (
    t: TestApp,
    remoteAddress: string,
    headers: (i: number) => Record<string, string>,
    count: number,
  ) => {
    run++;
    const codes: number[] = [];
    for (let i = 0; i < count; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress,
        headers: headers(i),
        payload: { email: `nobody-${run}-${i}@nowhere.example`, password: 'x' },
      });
      codes.push(res.statusCode);
    }
    return codes;
  };
  const limited = (codes: number[]) => codes.indexOf(429);

  describe('without TRUST_PROXY', () => {
    let t: TestApp;
    let org: TestOrg;
    beforeAll(async () => {
      t = await open();
      org = await t.createOrg();
    });

    it('ignores X-Forwarded-For: a forged address gets no bucket of its own', async () => {
      const codes = await logins(
        t,
        '192.0.2.10',
        (i) => ({ 'x-forwarded-for': `203.0.113.${i + 1}` }),
        LOGIN_MAX + 1,
      );
      expect(limited(codes)).toBe(LOGIN_MAX);
    });

    it('keys public routes by address only: random Authorization headers share its bucket', async () => {
      const codes = await logins(
        t,
        '192.0.2.11',
        (i) => ({ authorization: `Bearer ${Math.random().toString(36).slice(2)}-${i}` }),
        LOGIN_MAX + 1,
      );
      expect(limited(codes)).toBe(LOGIN_MAX);
      const elsewhere = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '198.51.100.9',
        headers: { authorization: 'Bearer yet-another-value' },
        payload: { email: 'nobody@nowhere.example', password: 'x' },
      });
      expect(elsewhere.statusCode).toBe(401);
    });

    it('keys authenticated routes by the principal, and callers that fail to authenticate by address', async () => {
      const remaining = (res: { headers: Record<string, unknown> }) =>
        Number(res.headers['x-ratelimit-remaining']);
      const me = (remoteAddress: string, headers: Record<string, string>) =>
        t.app.inject({ url: '/api/v1/me', remoteAddress, headers });
      // One API key from two addresses: one bucket.
      const k1 = await me('198.51.100.20', org.auth);
      const k2 = await me('198.51.100.21', org.auth);
      expect(k1.statusCode).toBe(200);
      expect(remaining(k2)).toBe(remaining(k1) - 1);
      // Wrong keys, each a different value, from one address: one bucket, the address's.
      const bad: Awaited<ReturnType<typeof me>>[] = [];
      for (let i = 0; i < 3; i++)
        bad.push(await me('198.51.100.30', { authorization: `Bearer ork_bad_${i}` }));
      expect(bad.map((r) => r.statusCode)).toEqual([401, 401, 401]);
      expect(bad.map(remaining)).toEqual([0, 1, 2].map((i) => remaining(bad[0]) - i));
      const anonymous = await me('198.51.100.30', {});
      expect(anonymous.statusCode).toBe(401);
      expect(remaining(anonymous)).toBe(remaining(bad[2]) - 1);
      const health = await t.app.inject({ url: '/healthz', remoteAddress: '198.51.100.30' });
      expect(remaining(health)).toBe(remaining(anonymous) - 1);
      // The key's bucket was not touched by any of them.
      expect(remaining(await me('198.51.100.30', org.auth))).toBe(remaining(k2) - 1);
    });

    it('serves /metrics to anyone when no metrics token is set', async () => {
      const res = await t.app.inject('/metrics');
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('orientir_http_request_duration_seconds');
    });
  });

  describe('with TRUST_PROXY', () => {
    it('takes the client address from X-Forwarded-For when the peer is the trusted proxy', async () => {
      const t = await open({ TRUST_PROXY: '192.0.2.10' });
      const spread = await logins(
        t,
        '192.0.2.10',
        (i) => ({ 'x-forwarded-for': `203.0.113.${i + 1}` }),
        LOGIN_MAX + 1,
      );
      expect(spread.every((c) => c === 401)).toBe(true);
      const one = await logins(
        t,
        '192.0.2.10',
        () => ({ 'x-forwarded-for': '203.0.113.200' }),
        LOGIN_MAX + 1,
      );
      expect(limited(one)).toBe(LOGIN_MAX);
    });

    it('trusts listed proxy addresses only', async () => {
      const t = await open({ TRUST_PROXY: '10.9.9.9, 192.0.2.0/24' });
      const viaListed = await t.app.inject({
        url: '/healthz',
        remoteAddress: '192.0.2.44',
        headers: { 'x-forwarded-for': '203.0.113.77' },
      });
      const direct = await t.app.inject({ url: '/healthz', remoteAddress: '203.0.113.77' });
      expect(Number(direct.headers['x-ratelimit-remaining'])).toBe(
        Number(viaListed.headers['x-ratelimit-remaining']) - 1,
      );
      const unlisted = await logins(
        t,
        '198.18.0.5',
        (i) => ({ 'x-forwarded-for': `203.0.113.${i + 1}` }),
        LOGIN_MAX + 1,
      );
      expect(limited(unlisted)).toBe(LOGIN_MAX);
    });
  });

  describe('with a metrics token', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await open({ ORIENTIR_METRICS_TOKEN: METRICS_TOKEN });
    });

    it('answers /metrics only to the bearer of the token, and 401 problem+json to others', async () => {
      for (const headers of [
        {},
        { authorization: 'Bearer wrong-token' },
        { authorization: `Bearer ${METRICS_TOKEN}x` },
        { authorization: METRICS_TOKEN },
      ]) {
        const res = await t.app.inject({ url: '/metrics', headers });
        expect(res.statusCode).toBe(401);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(res.json()).toMatchObject({ status: 401 });
        expect(res.body).not.toContain('orientir_');
      }
      const ok = await t.app.inject({
        url: '/metrics',
        headers: { authorization: `Bearer ${METRICS_TOKEN}` },
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.body).toContain('orientir_http_request_duration_seconds');
    });

    it('refuses a metrics token shorter than 16 characters', () => {
      expect(() => loadConfig({ ORIENTIR_METRICS_TOKEN: 'short' })).toThrow(/ORIENTIR_METRICS_TOKEN/);
    });
  });
});
