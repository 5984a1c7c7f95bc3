/** Tables of basket rules: the thresholds, the mining runs and the rules they stored. */
import {
  bigint,
  doublePrecision,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true });

export const basketSettings = pgTable('loyalty_basket_settings', {
  orgId: uuid('org_id').notNull().primaryKey(),
  minSupport: doublePrecision('min_support').notNull(),
  minConfidence: doublePrecision('min_confidence').notNull(),
  maxLength: integer('max_length').notNull(),
  windowDays: integer('window_days').notNull(),
  recentBaskets: integer('recent_baskets').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

export const basketRuns = pgTable(
  'loyalty_basket_runs',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    status: text('status').$type<'queued' | 'running' | 'done' | 'failed'>().notNull(),
    trigger: text('trigger').$type<'schedule' | 'request'>().notNull(),
    requestedBy: uuid('requested_by'),
    minSupport: doublePrecision('min_support').notNull(),
    minConfidence: doublePrecision('min_confidence').notNull(),
    maxLength: integer('max_length').notNull(),
    since: ts('since').notNull(),
    baskets: integer('baskets'),
    lineItems: bigint('line_items', { mode: 'number' }),
    items: integer('items'),
    rules: integer('rules'),
    error: text('error'),
    createdAt: ts('created_at').notNull(),
    startedAt: ts('started_at'),
    finishedAt: ts('finished_at'),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export const basketRules = pgTable(
  'loyalty_basket_rules',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    runId: uuid('run_id').notNull(),
    antecedent: text('antecedent').array().notNull(),
    antecedentNames: text('antecedent_names').array().notNull(),
    consequent: text('consequent').notNull(),
    consequentName: text('consequent_name').notNull(),
    count: integer('count').notNull(),
    antecedentCount: integer('antecedent_count').notNull(),
    consequentCount: integer('consequent_count').notNull(),
    baskets: integer('baskets').notNull(),
    support: doublePrecision('support').notNull(),
    confidence: doublePrecision('confidence').notNull(),
    lift: doublePrecision('lift').notNull(),
    liftLower: doublePrecision('lift_lower').notNull(),
    minedAt: ts('mined_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
