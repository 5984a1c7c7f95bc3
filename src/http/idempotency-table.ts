import { integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The store of the `Idempotency-Key` header (`idempotency.ts`): one row per organization and key,
 * `pending` while its request runs and `done` with the answer to replay. A platform table, not a
 * module's: migration 0001 (core) creates it and 0004 adds the lease (`locked_until`).
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    orgId: uuid('org_id').notNull(),
    key: text('key').notNull(),
    method: text('method').notNull(),
    path: text('path').notNull(),
    bodyHash: text('body_hash').notNull(),
    state: text('state').notNull(),
    statusCode: integer('status_code'),
    response: text('response'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** While `pending`: the request holds the key until then, renewing it as it runs (migration 0004). */
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.key] })],
);
