/** Tables of recognition: customers' praise and the people it is for. */
import { integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true });

export type PraiseStatus = 'confirmed' | 'pending' | 'dismissed';
export type PraiseSource = 'response' | 'follow_up';
export type PraiseMatch = 'name' | 'case' | 'manager' | 'none';

export const praise = pgTable(
  'praise',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    source: text('source').$type<PraiseSource>().notNull(),
    sourceKey: text('source_key').notNull(),
    responseId: uuid('response_id'),
    caseId: uuid('case_id'),
    customerId: uuid('customer_id'),
    metric: text('metric'),
    score: integer('score'),
    comment: text('comment'),
    locationId: uuid('location_id'),
    status: text('status').$type<PraiseStatus>().notNull(),
    matchedBy: text('matched_by').$type<PraiseMatch>().notNull(),
    decidedBy: uuid('decided_by'),
    decidedAt: ts('decided_at'),
    receivedAt: ts('received_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export const praiseRecipients = pgTable(
  'praise_recipients',
  {
    orgId: uuid('org_id').notNull(),
    praiseId: uuid('praise_id').notNull(),
    employeeId: uuid('employee_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.praiseId, t.employeeId] })],
);
