/** The reports module's table: a person's digest subscriptions. */
import { pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Frequency } from '../domain/periods';

const ts = (name: string) => timestamp(name, { withTimezone: true });

export const reportSubscriptions = pgTable(
  'report_subscriptions',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    userId: uuid('user_id').notNull(),
    frequency: text('frequency').$type<Frequency>().notNull(),
    nextSendAt: ts('next_send_at').notNull(),
    lastPeriod: text('last_period'),
    unsubscribeSecret: text('unsubscribe_secret').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
