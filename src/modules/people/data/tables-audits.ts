/** Tables of service audits: checklists, visits, answers and photos. */
import {
  boolean,
  customType,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { AuditItem, ComponentScores } from '../domain/audit-scoring';

const ts = (name: string) => timestamp(name, { withTimezone: true });
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

export const auditChecklists = pgTable(
  'audit_checklists',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    locationId: uuid('location_id'),
    channel: text('channel'),
    items: jsonb('items').$type<AuditItem[]>().notNull(),
    version: integer('version').notNull(),
    ownerId: uuid('owner_id'),
    dueDays: integer('due_days').notNull(),
    active: boolean('active').notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export const auditVisits = pgTable(
  'audit_visits',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    checklistId: uuid('checklist_id').notNull(),
    checklistVersion: integer('checklist_version').notNull(),
    items: jsonb('items').$type<AuditItem[]>().notNull(),
    locationId: uuid('location_id').notNull(),
    kind: text('kind').$type<'auditor' | 'shopper'>().notNull(),
    auditorId: uuid('auditor_id'),
    shopperName: text('shopper_name'),
    locale: text('locale').notNull(),
    status: text('status').$type<'scheduled' | 'done'>().notNull(),
    scheduledAt: ts('scheduled_at').notNull(),
    doneAt: ts('done_at'),
    secret: text('secret').notNull(),
    score: numeric('score', { mode: 'number' }),
    componentScores: jsonb('component_scores').$type<ComponentScores>().notNull(),
    failed: boolean('failed'),
    caseId: uuid('case_id'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export const auditAnswers = pgTable(
  'audit_answers',
  {
    orgId: uuid('org_id').notNull(),
    visitId: uuid('visit_id').notNull(),
    itemId: text('item_id').notNull(),
    result: text('result').$type<'pass' | 'fail' | 'na'>().notNull(),
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.visitId, t.itemId] })],
);

export const auditPhotos = pgTable(
  'audit_photos',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    visitId: uuid('visit_id').notNull(),
    itemId: text('item_id'),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    data: bytea('data').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
