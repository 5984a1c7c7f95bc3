import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../http/types';
import { randomToken, safeEqual } from '../lib/crypto';
import { AppError } from '../lib/errors';
import { createOrg, ZCreateOrgRequestSchema } from '../modules/orgs/api';
import { LOCAL_ORGS_PATH, writeHandoff } from './handoff';

const MAX_BODY_BYTES = 64 * 1024;

/**
 * While a server holds the embedded database's folder, `orientir org create` cannot open it:
 * this listener, bound to the loopback address on a port of its own, creates organizations for
 * the CLI. It answers only the token written in the folder's handoff file (readable by the
 * server's user alone), compared in constant time, and is never reachable from the network.
 */
export async function startLocalAdmin(ctx: AppContext, dataDir: string, log: FastifyBaseLogger) {
  const token = randomToken(32);
  const server = createServer((req, res) => {
    handle(ctx, token, req, res).catch((err) => {
      if (!(err instanceof AppError)) log.error({ err }, 'local admin request failed');
      const status = err instanceof AppError ? err.status : 500;
      const detail = err instanceof AppError ? err.message : 'internal error';
      answer(res, status, { status, detail });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const removeHandoff = writeHandoff(dataDir, { pid: process.pid, url: `http://127.0.0.1:${port}`, token });
  return async () => {
    removeHandoff();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
}

async function handle(ctx: AppContext, token: string, req: IncomingMessage, res: ServerResponse) {
  const presented = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
  if (!safeEqual(presented, token)) throw new AppError('unauthorized', 'the local admin token is required');
  if (req.method !== 'POST' || req.url !== LOCAL_ORGS_PATH) throw new AppError('not_found', 'no such route');
  const parsed = ZCreateOrgRequestSchema.safeParse(await readJson(req));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('validation', `${issue.path.join('.') || 'body'}: ${issue.message}`);
  }
  answer(res, 201, await createOrg(ctx.db, parsed.data));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new AppError('payload_too_large', 'body is too large');
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new AppError('bad_request', 'body: must be JSON');
  }
}

function answer(res: ServerResponse, status: number, body: unknown) {
  const type = status >= 400 ? 'application/problem+json' : 'application/json';
  res.writeHead(status, { 'content-type': type }).end(JSON.stringify(body));
}
