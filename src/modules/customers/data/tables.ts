import {
  bigint,
  date,
  doublePrecision,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

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
    /** The earliest of the first event, the first answer and the creation in the source system. */
    since: timestamp('since', { withTimezone: true }).notNull().defaultNow(),
    createdInSourceAt: timestamp('created_in_source_at', { withTimezone: true }),
    /** The next instant the stage changes by time alone; null when nothing will. */
    stageReviewAt: timestamp('stage_review_at', { withTimezone: true }),
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

export const lifecycleSettings = pgTable('lifecycle_settings', {
  orgId: uuid('org_id').primaryKey(),
  regularMinPurchases: integer('regular_min_purchases').notNull(),
  regularWindowDays: integer('regular_window_days').notNull(),
  loyalMinNps: integer('loyal_min_nps').notNull(),
  referralWindowDays: integer('referral_window_days').notNull(),
  lostAfterDays: integer('lost_after_days').notNull(),
  lostAliveBelow: doublePrecision('lost_alive_below'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const customerStats = pgTable(
  'customer_stats',
  {
    orgId: uuid('org_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    lastNps: smallint('last_nps'),
    lastNpsAt: timestamp('last_nps_at', { withTimezone: true }),
    lastResponseAt: timestamp('last_response_at', { withTimezone: true }),
    aliveProbability: doublePrecision('alive_probability'),
    aliveProbabilityAt: timestamp('alive_probability_at', { withTimezone: true }),
    clvMinor: bigint('clv_minor', { mode: 'number' }),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.customerId] })],
);

export const stageChanges = pgTable(
  'stage_changes',
  {
    orgId: uuid('org_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    fromStage: text('from_stage').notNull(),
    toStage: text('to_stage').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.customerId, t.changedAt] })],
);

export const customerRfm = pgTable(
  'customer_rfm',
  {
    orgId: uuid('org_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    lastPurchaseOn: date('last_purchase_on', { mode: 'string' }).notNull(),
    frequency: integer('frequency').notNull(),
    monetaryMinor: bigint('monetary_minor', { mode: 'number' }).notNull(),
    r: smallint('r').notNull(),
    f: smallint('f').notNull(),
    m: smallint('m').notNull(),
    segment: text('segment').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.customerId] })],
);

export const exchangeRates = pgTable(
  'exchange_rates',
  {
    orgId: uuid('org_id').notNull(),
    currency: text('currency').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    rate: numeric('rate').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.currency, t.validFrom] })],
);

export const erasures = pgTable(
  'erasures',
  {
    orgId: uuid('org_id').notNull(),
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
    erasedAt: timestamp('erased_at', { withTimezone: true }).notNull(),
    eventsPseudonymised: integer('events_pseudonymised').notNull(),
    extensionsErased: integer('extensions_erased').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
