import {
  bigint,
  date,
  doublePrecision,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { TierRule } from '../domain/tier-rule';

export const valueSettings = pgTable('value_settings', {
  orgId: uuid('org_id').primaryKey(),
  model: text('model').$type<'bgnbd' | 'paretoNbd'>().notNull(),
  horizonMonths: integer('horizon_months').notNull(),
  annualDiscountRate: doublePrecision('annual_discount_rate').notNull(),
  margin: doublePrecision('margin').notNull(),
  costPerOrderMinor: bigint('cost_per_order_minor', { mode: 'number' }).notNull(),
  costPerContactMinor: bigint('cost_per_contact_minor', { mode: 'number' }).notNull(),
  costPerCaseHourMinor: bigint('cost_per_case_hour_minor', { mode: 'number' }).notNull(),
  tierRule: jsonb('tier_rule').$type<TierRule>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const valueFits = pgTable(
  'value_fits',
  {
    orgId: uuid('org_id').notNull(),
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
    until: date('until', { mode: 'string' }).notNull(),
    timeUnit: text('time_unit').$type<'week' | 'day'>().notNull(),
    report: jsonb('report').$type<Record<string, unknown>>().notNull(),
    fittedAt: timestamp('fitted_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export const customerValues = pgTable(
  'customer_values',
  {
    orgId: uuid('org_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    fitId: bigint('fit_id', { mode: 'number' }).notNull(),
    pAlive: doublePrecision('p_alive').notNull(),
    expectedPurchases: doublePrecision('expected_purchases').notNull(),
    expectedSpendMinor: bigint('expected_spend_minor', { mode: 'number' }).notNull(),
    clvMinor: bigint('clv_minor', { mode: 'number' }).notNull(),
    costToServeMinor: bigint('cost_to_serve_minor', { mode: 'number' }).notNull(),
    profitabilityMinor: bigint('profitability_minor', { mode: 'number' }).notNull(),
    tier: text('tier').notNull(),
    scoredAt: timestamp('scored_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.customerId] })],
);

export const tierChanges = pgTable(
  'tier_changes',
  {
    orgId: uuid('org_id').notNull(),
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
    customerId: uuid('customer_id').notNull(),
    fromTier: text('from_tier'),
    toTier: text('to_tier').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

/** Scores of one run on their way in, inserted a chunk at a time (row-level security: migration 0501). */
export const customerValueStaging = pgTable('customer_value_staging', {
  runId: uuid('run_id').notNull(),
  orgId: uuid('org_id').notNull(),
  customerId: uuid('customer_id').notNull(),
  pAlive: doublePrecision('p_alive').notNull(),
  expectedPurchases: doublePrecision('expected_purchases').notNull(),
  expectedSpendMinor: bigint('expected_spend_minor', { mode: 'number' }).notNull(),
  clvMinor: bigint('clv_minor', { mode: 'number' }).notNull(),
  costToServeMinor: bigint('cost_to_serve_minor', { mode: 'number' }).notNull(),
  profitabilityMinor: bigint('profitability_minor', { mode: 'number' }).notNull(),
  tier: text('tier').notNull(),
  stagedAt: timestamp('staged_at', { withTimezone: true }).notNull().defaultNow(),
});
