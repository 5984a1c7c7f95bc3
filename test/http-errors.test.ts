import { connect } from 'node:net';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_LIMIT } from '../src/app';
import { ADMIN_TOKEN, createTestApp, type TestApp, type TestOrg } from './helpers/app';
import { ENGINES } from './helpers/db';

/** What a raw socket got back: status, headers (lower-case names) and body. */
type RawAnswer = { status: number; headers: Record<string, string>; body: string };

/** Writes `chunks` on a fresh connection, one after another, and reads the answer until the server closes. */
function rawRequest(port: number, chunks: string[]): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    socket.setEncoding('latin1');
    socket.on('data', (data) => {
      received += data;
    });
    socket.on('error', (err) => {
      // The server closes the connection after its answer; a reset after the answer is no failure.
      if (!received) reject(err);
    });
    socket.on('close', () => {
      const [head, ...rest] = received.split('\r\n\r\n');
      const [statusLine, ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(
        lines.map((line) => {
          const at = line.indexOf(':');
          return [line.slice(0, at).trim().toLowerCase(), line.slice(at + 1).trim()];
        }),
      );
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') });
    });
    socket.on('connect', async () => {
      for (const chunk of chunks) {
        if (socket.destroyed) break;
        await new Promise<void>((done) => socket.write(chunk, 'latin1', () => done()));
        await new Promise((done) => setImmediate(done));
      }
    });
  });
}

/** The RFC 9457 shape of src/http/problem.ts. */
function expectProblem(status: number, contentType: unknown, body: string) {
  expect(String(contentType)).toMatch(/^application\/problem\+json/);
  const problem = JSON.parse(body);
  expect(problem).toMatchObject({
    type: expect.stringMatching(/^urn:orientir:problem:[a-z_]+$/),
    title: expect.any(String),
    status,
    detail: expect.any(String),
  });
  return problem;
}

describe.each(ENGINES)('errors are problem+json on %s', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  let port: number;
  beforeAll(async () => {
    t = await createTestApp(engine);
    org = await t.createOrg();
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const address = t.app.server.address();
    port = typeof address === 'object' && address ? address.port : 0;
  });
  afterAll(() => t?.close());

  const inject = async (opts: InjectOptions) => {
    const res = await t.app.inject(opts);
    return { res, problem: (status: number) => expectProblem(status, res.headers['content-type'], res.body) };
  };

  it('answers a URI too long for the HTTP parser with 414, in one packet or several', async () => {
    const path = `/api/v1/customers/${'a'.repeat(20_000)}`;
    const whole = await rawRequest(port, [`GET ${path} HTTP/1.1\r\nHost: x\r\n\r\n`]);
    expect(whole.status).toBe(414);
    expect(whole.headers.connection).toBe('close');
    expect(Number(whole.headers['content-length'])).toBe(Buffer.byteLength(whole.body));
    expectProblem(414, whole.headers['content-type'], whole.body);

    const line = `GET ${path} HTTP/1.1\r\n`;
    const pieces = [line.slice(0, 6000), line.slice(6000, 12_000), line.slice(12_000), 'Host: x\r\n\r\n'];
    const split = await rawRequest(port, pieces);
    expect(split.status).toBe(414);
    expectProblem(414, split.headers['content-type'], split.body);
  });

  it('answers headers too large with 431 and requests that are not HTTP with 400', async () => {
    const big = await rawRequest(port, [
      `GET /api/v1/me HTTP/1.1\r\nHost: x\r\nX-Big: ${'b'.repeat(20_000)}\r\n\r\n`,
    ]);
    expect(big.status).toBe(431);
    expectProblem(431, big.headers['content-type'], big.body);

    const many = Array.from({ length: 400 }, (_, i) => `X-H${i}: ${'c'.repeat(60)}\r\n`).join('');
    const manyHeaders = await rawRequest(port, ['GET /api/v1/me HTTP/1.1\r\nHost: x\r\n', many, '\r\n']);
    expect(manyHeaders.status).toBe(431);
    expectProblem(431, manyHeaders.headers['content-type'], manyHeaders.body);

    const garbage = await rawRequest(port, ['NOT HTTP AT ALL\r\n\r\n']);
    expect(garbage.status).toBe(400);
    expectProblem(400, garbage.headers['content-type'], garbage.body);

    const badLength = await rawRequest(port, [
      'POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: x\r\n\r\n',
    ]);
    expect(badLength.status).toBe(400);
    expectProblem(400, badLength.headers['content-type'], badLength.body);
  });

  it('answers a path segment too long with 414 and an undecodable URL with 400', async () => {
    const long = await inject({ url: `/api/v1/customers/${'x'.repeat(256)}`, headers: org.auth });
    expect(long.res.statusCode).toBe(414);
    long.problem(414);
    // Identifiers up to 255 characters stay addressable (externalId allows 255).
    const longest = await inject({ url: `/api/v1/customers/${'x'.repeat(255)}`, headers: org.auth });
    expect(longest.res.statusCode).toBe(404);
    longest.problem(404);

    const bad = await inject({ url: '/api/v1/customers/%E0%A4%A', headers: org.auth });
    expect(bad.res.statusCode).toBe(400);
    bad.problem(400);
  });

  it('answers an unknown path with 404, also under /api/ where the dashboard serves the rest', async () => {
    for (const method of ['GET', 'HEAD', 'POST', 'DELETE'] as const) {
      const { res, problem } = await inject({ method, url: '/api/v1/nothing-here' });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      if (method !== 'HEAD') expect(problem(404).detail).toContain('/api/v1/nothing-here');
    }
    const survey = await inject({ url: '/s/assets/nothing.js' });
    expect(survey.res.statusCode).toBe(404);
    survey.problem(404);
  });

  it('answers a known path with an unknown method with 405 and Allow', async () => {
    const put = await inject({ method: 'PUT', url: '/api/v1/surveys', headers: org.auth, payload: {} });
    expect(put.res.statusCode).toBe(405);
    expect(put.res.headers.allow).toBe('GET, HEAD, POST');
    expect(put.problem(405).detail).toContain('PUT');

    const one = await inject({ method: 'POST', url: '/api/v1/surveys/00000000-0000-4000-8000-000000000000' });
    expect(one.res.statusCode).toBe(405);
    expect(one.res.headers.allow).toBe('GET, HEAD, PATCH');
    one.problem(405);

    const health = await inject({ method: 'DELETE', url: '/healthz' });
    expect(health.res.statusCode).toBe(405);
    expect(health.res.headers.allow).toBe('GET, HEAD');
    health.problem(405);
  });

  it('answers bodies it cannot take with 413, 415 and 400', async () => {
    const post = (payload: string, contentType = 'application/json') =>
      inject({
        method: 'POST',
        url: '/api/v1/admin/orgs',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': contentType },
        payload,
      });
    const huge = await post(JSON.stringify({ name: 'x'.repeat(BODY_LIMIT + 10) }));
    expect(huge.res.statusCode).toBe(413);
    huge.problem(413);
    const xml = await post('<a/>', 'application/xml');
    expect(xml.res.statusCode).toBe(415);
    xml.problem(415);
    const malformed = await post('{"name": ');
    expect(malformed.res.statusCode).toBe(400);
    malformed.problem(400);
    const empty = await post('');
    expect(empty.res.statusCode).toBe(400);
    empty.problem(400);
  });

  it('replays an error stored under an Idempotency-Key as problem+json', async () => {
    const remove = () =>
      inject({
        method: 'DELETE',
        url: '/api/v1/api-keys/00000000-0000-4000-8000-000000000000',
        headers: { ...org.auth, 'idempotency-key': 'delete-missing-key' },
      });
    const first = await remove();
    expect(first.res.statusCode).toBe(404);
    first.problem(404);
    const again = await remove();
    expect(again.res.statusCode).toBe(404);
    expect(again.res.headers['idempotent-replayed']).toBe('true');
    expect(again.problem(404)).toEqual(first.problem(404));
  });

  it('keeps the same answers over a real socket', async () => {
    const base = `http://127.0.0.1:${port}`;
    const unknown = await fetch(`${base}/api/v1/nothing-here`);
    expect(unknown.status).toBe(404);
    expectProblem(404, unknown.headers.get('content-type'), await unknown.text());
    const method = await fetch(`${base}/api/v1/surveys`, { method: 'PUT', headers: org.auth, body: '{}' });
    expect(method.status).toBe(405);
    expect(method.headers.get('allow')).toBe('GET, HEAD, POST');
    expectProblem(405, method.headers.get('content-type'), await method.text());
    const media = await fetch(`${base}/api/v1/surveys`, {
      method: 'POST',
      headers: { ...org.auth, 'content-type': 'application/xml' },
      body: '<x/>',
    });
    expect(media.status).toBe(415);
    expectProblem(415, media.headers.get('content-type'), await media.text());
  });
});
