import { and, eq, like, lt, or } from 'drizzle-orm';
import type { Executor } from '../db/database';
import { sha256 } from '../lib/crypto';
import { AppError } from '../lib/errors';
import { idempotencyKeys } from '../modules/orgs/schema';
import type { App } from './types';

const TTL_MS = 24 * 60 * 60 * 1000;
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyRequest {
    idempotencyKey?: string;
  }
}

/**
 * `Idempotency-Key` on a write: the first answer is stored for 24 h and replayed for the same
 * key and body; the same key with another body is 422; a duplicate still running is 409.
 */
export function registerIdempotency(app: App) {
  app.addHook('preHandler', async (req, reply) => {
    const key = req.headers['idempotency-key'];
    if (typeof key !== 'string' || !WRITE_METHODS.has(req.method) || !req.principal) return;
    if (key.length < 1 || key.length > 255) {
      throw new AppError('validation', 'Idempotency-Key: must be 1 to 255 characters', [
        { field: 'header.idempotency-key', message: 'must be 1 to 255 characters' },
      ]);
    }
    const { db, clock } = app.ctx;
    const orgId = req.principal.orgId;
    const bodyHash = sha256(`${req.method} ${req.url}\n${JSON.stringify(req.body ?? null)}`);
    const now = clock.now();
    const outcome = await db.withOrg(orgId, async (tx) => {
      await tx
        .delete(idempotencyKeys)
        .where(
          and(
            eq(idempotencyKeys.orgId, orgId),
            eq(idempotencyKeys.key, key),
            lt(idempotencyKeys.createdAt, new Date(now.getTime() - TTL_MS)),
          ),
        );
      const inserted = await tx
        .insert(idempotencyKeys)
        .values({ orgId, key, method: req.method, path: req.url, bodyHash, state: 'pending', createdAt: now })
        .onConflictDoNothing()
        .returning({ key: idempotencyKeys.key });
      if (inserted.length) return { fresh: true as const };
      const [row] = await tx
        .select()
        .from(idempotencyKeys)
        .where(and(eq(idempotencyKeys.orgId, orgId), eq(idempotencyKeys.key, key)));
      return { fresh: false as const, row };
    });
    if (outcome.fresh) {
      req.idempotencyKey = key;
      return;
    }
    const row = outcome.row;
    if (!row || row.bodyHash !== bodyHash) {
      throw new AppError('unprocessable', 'Idempotency-Key was already used with a different request');
    }
    if (row.state === 'pending') {
      throw new AppError('conflict', 'a request with this Idempotency-Key is still in progress');
    }
    reply.header('idempotent-replayed', 'true');
    reply
      .code(row.statusCode ?? 200)
      .type('application/json')
      .send(row.response ?? '');
    return reply;
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const key = req.idempotencyKey;
    if (!key || !req.principal) return payload;
    const orgId = req.principal.orgId;
    const where = and(eq(idempotencyKeys.orgId, orgId), eq(idempotencyKeys.key, key));
    await app.ctx.db.withOrg(orgId, async (tx) => {
      // A server error is not an answer worth replaying: the client may retry for real.
      if (reply.statusCode >= 500) await tx.delete(idempotencyKeys).where(where);
      else
        await tx
          .update(idempotencyKeys)
          .set({
            state: 'done',
            statusCode: reply.statusCode,
            response: typeof payload === 'string' ? payload : '',
          })
          .where(where);
    });
    return payload;
  });
}

/**
 * Drops stored requests and answers whose path names `pathPrefix` (exactly, or followed by
 * `/` or `?`): an erased person's identifier must not survive in a replay record.
 */
export async function forgetIdempotentRequests(tx: Executor, orgId: string, pathPrefixes: string[]) {
  for (const prefix of new Set(pathPrefixes)) {
    const escaped = prefix.replace(/[\\%_]/g, (c) => `\\${c}`);
    await tx
      .delete(idempotencyKeys)
      .where(
        and(
          eq(idempotencyKeys.orgId, orgId),
          or(
            eq(idempotencyKeys.path, prefix),
            like(idempotencyKeys.path, `${escaped}/%`),
            like(idempotencyKeys.path, `${escaped}?%`),
          ),
        ),
      );
  }
}
