import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEASE_MS } from '../src/http/idempotency';
import { type Api, api } from './helpers/api';
import { createTestApp, type TestApp, type TestOrg } from './helpers/app';
import { ENGINES } from './helpers/db';

type Reply = { status: number; body: string; replayed: boolean };

describe.each(ENGINES)('Idempotency-Key after a crash, and on streamed imports, on %s', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  let as: Api;
  let base: string;

  beforeAll(async () => {
    t = await createTestApp(engine);
    org = await t.createOrg();
    as = api(t, org);
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });
  afterAll(() => t?.close());

  const countOf = async (sql: string, params: unknown[] = []) =>
    Number((await t.ctx.db.queryOwner<{ n: number }>(sql, [org.orgId, ...params]))[0].n);

  /**
   * What a process that died mid-request leaves behind: its key still `pending`, no answer, and
   * a lease that nobody renews any more (ending `leaseLeftMs` from the clock's now).
   */
  const dieWithKey = (key: string, leaseLeftMs: number) =>
    t.ctx.db.queryOwner(
      `update idempotency_keys
          set state = 'pending', status_code = null, response = null, locked_until = $3::timestamptz
        where org_id = $1 and key = $2`,
      [org.orgId, key, new Date(t.clock.now().getTime() + leaseLeftMs).toISOString()],
    );

  const events = (prefix: string, n: number) => ({
    events: Array.from({ length: n }, (_, i) => ({
      id: `${prefix}-${i}`,
      type: 'purchase',
      customerExternalId: `${prefix}-customer-${i % 3}`,
      occurredAt: '2026-02-20T10:00:00Z',
      amount: 500,
    })),
  });

  it('lets a retry take over the key of a request whose process died once its lease ran out, storing once', async () => {
    const key = { 'idempotency-key': 'crashed-after-commit' };
    const batch = events('crash-a', 5);
    expect((await as.post('/api/v1/events/batch', batch, { headers: key })).status).toBe(200);
    // The process died after its transaction committed, before it stored the answer.
    await dieWithKey('crashed-after-commit', LEASE_MS / 2);
    const early = await as.post('/api/v1/events/batch', batch, { headers: key });
    expect(early.status).toBe(409); // the lease still runs: it might be alive
    t.clock.advance(LEASE_MS);
    const retry = await as.post('/api/v1/events/batch', batch, { headers: key });
    expect(retry.status).toBe(200);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
    expect(retry.body).toEqual({ received: 5, stored: 0, duplicates: 5, customersCreated: 0 });
    expect(
      await countOf(`select count(*)::int as n from events where org_id = $1 and id like 'crash-a-%'`),
    ).toBe(5);
    // From now on the retry's answer is the one replayed.
    const replay = await as.post('/api/v1/events/batch', batch, { headers: key });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toEqual(retry.body);
  });

  it('runs the work of a request that died before committing, once', async () => {
    const key = { 'idempotency-key': 'crashed-before-commit' };
    const batch = events('crash-b', 4);
    expect((await as.post('/api/v1/events/batch', batch, { headers: key })).status).toBe(200);
    // As if its transaction had rolled back: nothing of the batch stored, the key left pending.
    await t.ctx.db.queryOwner(`delete from events where org_id = $1 and id like 'crash-b-%'`, [org.orgId]);
    await dieWithKey('crashed-before-commit', -1);
    const retry = await as.post('/api/v1/events/batch', batch, { headers: key });
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ stored: 4, duplicates: 0 });
    expect(
      await countOf(`select count(*)::int as n from events where org_id = $1 and id like 'crash-b-%'`),
    ).toBe(4);
  });

  it('does not hand a dead request key to another body', async () => {
    const key = { 'idempotency-key': 'crashed-other-body' };
    expect((await as.post('/api/v1/events/batch', events('crash-c', 2), { headers: key })).status).toBe(200);
    await dieWithKey('crashed-other-body', -1);
    expect((await as.post('/api/v1/events/batch', events('crash-d', 2), { headers: key })).status).toBe(422);
  });

  it('stores a customers batch and an import of responses once when retried after a crash', async () => {
    const customers = {
      customers: [
        { externalId: 'crash-cust-1', name: 'One', attributes: { plan: 'gold' } },
        { externalId: 'crash-cust-2', name: 'Two' },
      ],
    };
    const key = { 'idempotency-key': 'customers-crash' };
    expect((await as.post('/api/v1/customers/batch', customers, { headers: key })).body).toEqual({
      created: 2,
      updated: 0,
    });
    await dieWithKey('customers-crash', -1);
    const again = await as.post('/api/v1/customers/batch', customers, { headers: key });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ created: 0, updated: 2 });
    expect(
      await countOf(
        `select count(*)::int as n from customers where org_id = $1 and external_id like 'crash-cust-%'`,
      ),
    ).toBe(2);

    const survey = await as.post('/api/v1/surveys', {
      name: 'Crash',
      audience: 'customers',
      defaultLocale: 'en',
      questions: [{ id: 'q1', type: 'nps', text: { en: 'Recommend us?' }, required: true }],
    });
    expect(survey.status).toBe(201);
    const url = `/api/v1/surveys/${survey.body.id}/responses/batch`;
    // Rows without ids: under a key they get ids derived from it, the same on every retry.
    const responses = {
      responses: [
        { answers: { q1: 9 }, customerExternalId: 'crash-cust-1', submittedAt: '2026-02-20T10:00:00Z' },
        { answers: { q1: 3 }, customerExternalId: 'crash-cust-2', submittedAt: '2026-02-20T11:00:00Z' },
        { answers: { q1: 10 }, submittedAt: '2026-02-20T12:00:00Z' },
      ],
    };
    const responsesKey = { 'idempotency-key': 'responses-crash' };
    expect((await as.post(url, responses, { headers: responsesKey })).body).toEqual({
      created: 3,
      skipped: 0,
    });
    await dieWithKey('responses-crash', -1);
    const retried = await as.post(url, responses, { headers: responsesKey });
    expect(retried.status).toBe(200);
    expect(retried.body).toEqual({ created: 0, skipped: 3 });
    expect(
      await countOf('select count(*)::int as n from survey_responses where org_id = $1 and survey_id = $2', [
        survey.body.id,
      ]),
    ).toBe(3);
  });

  /** A streamed import, its body sent in parts: `parts[0]` at once, the rest when `finish` is called. */
  function streamImport(kind: string, contentType: string, key: string, parts: string[]) {
    const req = request(`${base}/api/v1/import/${kind}`, {
      method: 'POST',
      headers: { ...org.auth, 'content-type': contentType, 'idempotency-key': key },
    });
    const reply = new Promise<Reply>((resolve, reject) => {
      req.on('response', (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          body += chunk;
        });
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body,
            replayed: res.headers['idempotent-replayed'] === 'true',
          }),
        );
      });
      req.on('error', reject);
    });
    req.write(parts[0]);
    return {
      reply,
      finish: () => {
        for (const part of parts.slice(1)) req.write(part);
        req.end();
        return reply;
      },
    };
  }

  const sendImport = (kind: string, contentType: string, key: string, body: string) =>
    streamImport(kind, contentType, key, [body]).finish();

  const keyState = async (key: string) =>
    (
      await t.ctx.db.queryOwner<{ state: string }>(
        'select state from idempotency_keys where org_id = $1 and key = $2',
        [org.orgId, key],
      )
    )[0]?.state;

  it('answers 409 to a duplicate of a streamed import still running, then replays it, and 422 for another file', async () => {
    const csv = ['externalId,name\n', 'stream-1,Ann\n', 'stream-2,Bob\n'];
    const first = streamImport('customers', 'text/csv', 'csv-import-1', csv);
    // The first request holds its key while its body is still arriving.
    for (let i = 0; i < 200 && (await keyState('csv-import-1')) !== 'pending'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(await keyState('csv-import-1')).toBe('pending');
    const duplicate = await sendImport('customers', 'text/csv', 'csv-import-1', csv.join(''));
    expect(duplicate.status).toBe(409);
    const done = await first.finish();
    expect(done.status).toBe(200);
    expect(JSON.parse(done.body)).toMatchObject({ rows: 2, accepted: 2, created: 2 });

    const replay = await sendImport('customers', 'text/csv', 'csv-import-1', csv.join(''));
    expect(replay).toEqual({ ...done, replayed: true });
    // Another file of the same type and the same length under the key: refused, nothing imported.
    const other = 'externalId,name\nstream-8,Ann\nstream-9,Bob\n';
    expect(other.length).toBe(csv.join('').length);
    const refused = await sendImport('customers', 'text/csv', 'csv-import-1', other);
    expect(refused.status).toBe(422);
    expect(
      await countOf(
        `select count(*)::int as n from customers where org_id = $1 and external_id in ('stream-8', 'stream-9')`,
      ),
    ).toBe(0);
  });

  it('replays an NDJSON import sent again whole and refuses a different one with the same key', async () => {
    const line = (id: string, at: string) =>
      `${JSON.stringify({ id, type: 'visit', customerExternalId: 'nd-1', occurredAt: at })}\n`;
    const file = line('nd-e1', '2026-02-01T10:00:00Z') + line('nd-e2', '2026-02-02T10:00:00Z');
    const first = await sendImport('events', 'application/x-ndjson', 'ndjson-1', file);
    expect(first.status).toBe(200);
    expect(JSON.parse(first.body)).toMatchObject({ stored: 2 });
    const again = await sendImport('events', 'application/x-ndjson', 'ndjson-1', file);
    expect(again).toEqual({ ...first, replayed: true });
    const changed = line('nd-e3', '2026-02-01T10:00:00Z') + line('nd-e4', '2026-02-02T10:00:00Z');
    expect(changed.length).toBe(file.length);
    expect((await sendImport('events', 'application/x-ndjson', 'ndjson-1', changed)).status).toBe(422);
    expect(await countOf(`select count(*)::int as n from events where org_id = $1 and id like 'nd-e%'`)).toBe(
      2,
    );
  });
});
