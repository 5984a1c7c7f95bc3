import { and, eq, like, lt, or, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Executor } from '../db/database';
import { sha256 } from '../lib/crypto';
import { AppError } from '../lib/errors';
import { idempotencyKeys } from './idempotency-table';
import { StreamedBody } from './streamed-body';
import type { App } from './types';

const TTL_MS = 24 * 60 * 60 * 1000;
/**
 * How long a running request holds its key without renewing it. A request renews it every
 * RENEW_MS while it runs; a process that dies stops renewing, and a retry may take the key over
 * once the lease has run out.
 */
export const LEASE_MS = 60 * 1000;
const RENEW_MS = LEASE_MS / 3;
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyRequest {
    idempotencyKey?: string;
  }
}

const requestHash = (req: FastifyRequest, body: string) => sha256(`${req.method} ${req.url}\n${body}`);
/** A streamed body's record before its content is known: it names the route only. */
const streamPendingHash = (req: FastifyRequest) => requestHash(req, 'streamed body, not read yet');
/** A streamed body's record once read: the fingerprint of its media type and every byte. */
const streamHash = (req: FastifyRequest, fingerprint: string) => requestHash(req, `streamed ${fingerprint}`);

/**
 * `Idempotency-Key` on a write: the first answer is stored for 24 h and replayed for the same
 * key and body; the same key with another body is 422; a duplicate still running is 409. A
 * running request holds its key for a lease it renews (LEASE_MS): if its process dies, a retry
 * with the same body takes the key over once the lease has run out instead of being refused
 * for a day. The writes behind the batch routes store nothing twice when run again (events by
 * their ids, customers by external id, imported responses by ids derived from the key).
 * A streamed body (a CSV or NDJSON import) is matched by the fingerprint of its whole content,
 * known once it has been read: a retry of a finished one is read through before it is replayed.
 */
export function registerIdempotency(app: App) {
  const renewals = new WeakMap<FastifyRequest, NodeJS.Timeout>();
  const stopRenewing = (req: FastifyRequest) => {
    clearInterval(renewals.get(req));
    renewals.delete(req);
  };

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
    const streamed = req.body instanceof StreamedBody ? req.body : undefined;
    const bodyHash = streamed ? streamPendingHash(req) : requestHash(req, JSON.stringify(req.body ?? null));
    const now = clock.now();
    const leaseEnd = new Date(now.getTime() + LEASE_MS);
    const where = and(eq(idempotencyKeys.orgId, orgId), eq(idempotencyKeys.key, key));
    const outcome = await db.withOrg(orgId, async (tx) => {
      await tx
        .delete(idempotencyKeys)
        .where(and(where, lt(idempotencyKeys.createdAt, new Date(now.getTime() - TTL_MS))));
      const inserted = await tx
        .insert(idempotencyKeys)
        .values({
          orgId,
          key,
          method: req.method,
          path: req.url,
          bodyHash,
          state: 'pending',
          createdAt: now,
          lockedUntil: leaseEnd,
        })
        .onConflictDoNothing()
        .returning({ key: idempotencyKeys.key });
      if (inserted.length) return { fresh: true as const };
      // The same request whose holder stopped renewing (its process died): this retry takes the
      // key over; of several retries at once, one does.
      const taken = await tx
        .update(idempotencyKeys)
        .set({ lockedUntil: leaseEnd })
        .where(
          and(
            where,
            eq(idempotencyKeys.state, 'pending'),
            eq(idempotencyKeys.bodyHash, bodyHash),
            sql`coalesce(${idempotencyKeys.lockedUntil}, ${idempotencyKeys.createdAt} + ${`${LEASE_MS} milliseconds`}::interval) <= ${now}::timestamptz`,
          ),
        )
        .returning({ key: idempotencyKeys.key });
      if (taken.length) return { fresh: true as const };
      const [row] = await tx.select().from(idempotencyKeys).where(where);
      return { fresh: false as const, row };
    });
    if (outcome.fresh) {
      req.idempotencyKey = key;
      const renew = () =>
        db
          .withOrg(orgId, (tx) =>
            tx
              .update(idempotencyKeys)
              .set({ lockedUntil: new Date(clock.now().getTime() + LEASE_MS) })
              .where(and(where, eq(idempotencyKeys.state, 'pending'))),
          )
          .catch((err) => req.log.warn({ err }, 'could not renew the lease of an Idempotency-Key'));
      const timer = setInterval(renew, RENEW_MS);
      timer.unref();
      renewals.set(req, timer);
      return;
    }
    const row = outcome.row;
    if (streamed) {
      // Answered without being handled: the body is read through (and only fingerprinted).
      const read = streamed.readToEnd();
      if (row?.state === 'pending') {
        read.catch(() => {});
        if (row.bodyHash !== bodyHash) throw differentRequest();
        throw stillRunning();
      }
      if (!row || row.bodyHash !== streamHash(req, await read)) throw differentRequest();
    } else {
      if (!row || row.bodyHash !== bodyHash) throw differentRequest();
      if (row.state === 'pending') throw stillRunning();
    }
    reply.header('idempotent-replayed', 'true');
    const status = row.statusCode ?? 200;
    // Every error of the API is problem+json (src/http/problem.ts); every other stored answer is JSON.
    reply
      .code(status)
      .type(status >= 400 ? 'application/problem+json' : 'application/json')
      .send(row.response ?? '');
    return reply;
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const key = req.idempotencyKey;
    if (!key || !req.principal) return payload;
    stopRenewing(req);
    const orgId = req.principal.orgId;
    const where = and(eq(idempotencyKeys.orgId, orgId), eq(idempotencyKeys.key, key));
    const streamed = req.body instanceof StreamedBody ? req.body : undefined;
    // A streamed body not read to its end has no fingerprint: its answer cannot be matched later.
    const fingerprint = streamed?.fingerprint;
    await app.ctx.db.withOrg(orgId, async (tx) => {
      // A server error is not an answer worth replaying: the client may retry for real.
      if (reply.statusCode >= 500 || (streamed && fingerprint === undefined))
        await tx.delete(idempotencyKeys).where(where);
      else
        await tx
          .update(idempotencyKeys)
          .set({
            state: 'done',
            statusCode: reply.statusCode,
            response: typeof payload === 'string' ? payload : '',
            lockedUntil: null,
            ...(fingerprint === undefined ? {} : { bodyHash: streamHash(req, fingerprint) }),
          })
          .where(where);
    });
    return payload;
  });

  // A reply that never reached onSend (the connection went first) stops renewing too.
  app.addHook('onResponse', async (req) => stopRenewing(req));
}

const differentRequest = () =>
  new AppError('unprocessable', 'Idempotency-Key was already used with a different request');
const stillRunning = () =>
  new AppError('conflict', 'a request with this Idempotency-Key is still in progress');

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
