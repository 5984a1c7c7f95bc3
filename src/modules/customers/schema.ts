import { bigint, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const customers = pgTable(
  'customers',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    externalId: text('external_id').notNull(),
    email: text('email'),
    phone: text('phone'),
    name: text('name'),
    locale: text('locale'),
    attributes: jsonb('attributes').$type<Record<string, unknown>>().notNull().default({}),
    consent: jsonb('consent').$type<Record<string, boolean>>().notNull().default({}),
    ownerId: uuid('owner_id'),
    lifecycleStage: text('lifecycle_stage').notNull().default('potential'),
    stageChangedAt: timestamp('stage_changed_at', { withTimezone: true }),
    serviceTier: text('service_tier'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    erasedAt: timestamp('erased_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export const events = pgTable(
  'events',
  {
    orgId: uuid('org_id').notNull(),
    id: text('id').notNull(),
    customerId: uuid('customer_id').notNull(),
    type: text('type').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    amountMinor: bigint('amount_minor', { mode: 'number' }),
    currency: text('currency'),
    amountBaseMinor: bigint('amount_base_minor', { mode: 'number' }),
    channel: text('channel'),
    touchpoint: text('touchpoint'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
