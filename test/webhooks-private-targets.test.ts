import type { LookupAddress } from 'node:dns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postWebhook, type ResolveAll } from '../src/modules/webhooks/domain/post';
import { type Api, apiOf } from './cases/helpers';
import { createTestApp, type TestApp, type TestOrg } from './helpers/app';
import { problemOf } from './helpers/customers';
import { ENGINES } from './helpers/db';
import { startReceiver } from './helpers/webhook-receiver';

/** A resolver answering from a table: no name here reaches a real DNS server. */
const resolveFrom =
  (table: Record<string, string[]>): ResolveAll =>
  (hostname, _options, callback) => {
    const addresses = table[hostname];
    if (!addresses) {
      callback(Object.assign(new Error(`unknown host ${hostname}`), { code: 'ENOTFOUND' }), []);
      return;
    }
    callback(
      null,
      addresses.map((address): LookupAddress => ({ address, family: address.includes(':') ? 6 : 4 })),
    );
  };

describe('webhook requests and private addresses', () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterAll(() => receiver?.close());

  const post = (url: string, allowPrivate: boolean, table: Record<string, string[]> = {}) =>
    postWebhook(url, { 'content-type': 'application/json' }, '{}', {
      allowPrivate,
      timeoutMs: 5_000,
      resolve: resolveFrom(table),
    });

  it('refuses a loopback literal without connecting, and posts to it when allowed', async () => {
    const refused = await post(receiver.url('/literal'), false);
    expect(refused).toEqual({ status: null, error: 'address 127.0.0.1 is not public' });
    expect(receiver.at('/literal')).toHaveLength(0);
    expect(await post(receiver.url('/literal'), true)).toEqual({ status: 200, error: null });
    expect(receiver.at('/literal')).toHaveLength(1);
  });

  it('refuses a name with any private address, and connects to the address it checked', async () => {
    const port = new URL(receiver.url('/')).port;
    const table = {
      'inside.example': ['127.0.0.1'],
      'mixed.example': ['93.184.215.14', '10.0.0.7'],
      'metadata.example': ['169.254.169.254'],
    };
    for (const [host, addresses] of Object.entries(table)) {
      const result = await post(`http://${host}:${port}/named`, false, table);
      expect(result.status).toBeNull();
      expect(result.error).toBe(`address ${addresses.at(-1)} of ${host} is not public`);
    }
    expect(receiver.at('/named')).toHaveLength(0);
    // allowed, the request goes to the address the resolver gave: the receiver on this host
    expect(await post(`http://inside.example:${port}/named`, true, table)).toEqual({
      status: 200,
      error: null,
    });
    expect(receiver.at('/named')).toHaveLength(1);
    expect(receiver.at('/named')[0].headers.host).toBe(`inside.example:${port}`);
  });

  it('reports a name that does not resolve', async () => {
    expect(await post('http://nowhere.example/x', false)).toEqual({ status: null, error: 'ENOTFOUND' });
  });
});

describe.each(ENGINES)('webhook endpoints on an instance that keeps them public, on %s', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  let api: Api;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    receiver = await startReceiver();
    t = await createTestApp(engine); // ORIENTIR_WEBHOOKS_ALLOW_PRIVATE unset: false
    org = await t.createOrg();
    api = apiOf(t, org);
  });
  afterAll(async () => {
    await t?.close();
    await receiver?.close();
  });

  const create = (url: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/webhooks',
      headers: org.auth,
      payload: { url, events: ['case.created'] },
    });

  it('refuses endpoints named by a private, loopback or link-local address or localhost', async () => {
    for (const url of [
      'http://127.0.0.1:8080/hook',
      'http://localhost/hook',
      'http://api.localhost/hook',
      'http://[::1]/hook',
      'http://169.254.169.254/latest/meta-data',
      'https://10.20.30.40/hook',
      'http://[::ffff:192.168.1.1]/hook',
    ]) {
      const res = await create(url);
      expect(res.statusCode, url).toBe(400);
      const problem = problemOf(res);
      expect(problem.errors).toEqual([expect.objectContaining({ field: 'body.url' })]);
      expect(problem.detail).toContain('ORIENTIR_WEBHOOKS_ALLOW_PRIVATE');
    }
    const fine = await create('https://hooks.example.com/orientir');
    expect(fine.statusCode).toBe(201);
    const moved = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/webhooks/${fine.json().id}`,
      headers: org.auth,
      payload: { url: 'http://192.168.0.10/hook' },
    });
    expect(moved.statusCode).toBe(400);
    expect(problemOf(moved).errors?.[0].field).toBe('body.url');
    await api('DELETE', `/api/v1/webhooks/${fine.json().id}`);
  });

  it('records a delivery to an address that is no longer allowed as failed, without sending it', async () => {
    t.ctx.config.webhooksAllowPrivate = true; // the endpoint was set up while the instance allowed it
    const hook = await api('POST', '/api/v1/webhooks', {
      url: receiver.url('/was-allowed'),
      events: ['case.created'],
    });
    t.ctx.config.webhooksAllowPrivate = false;
    await api('POST', '/api/v1/cases', { title: 'Cold coffee', priority: 'low' });
    await t.ctx.jobs.runDue();
    expect(receiver.at('/was-allowed')).toHaveLength(0);
    const log = await api('GET', `/api/v1/webhooks/${hook.id}/deliveries`);
    expect(log.items).toEqual([
      expect.objectContaining({
        event: 'case.created',
        status: 'pending',
        lastError: 'address 127.0.0.1 is not public',
      }),
    ]);
  });
});
