/** Tables of the points ledger: mirrors src/db/migrations/0700_loyalty_ledger.sql. */
import {
  bigint,
  boolean,
  doublePrecision,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type {
  EarnRuleKind,
  EntryKind,
  ExpiryMode,
  InvariantBreak,
  RefundPolicy,
} from '../domain/ledger-model';

const ts = (name: string) => timestamp(name, { withTimezone: true });
const big = (name: string) => bigint(name, { mode: 'number' });

export const loyaltyPrograms = pgTable('loyalty_programs', {
  orgId: uuid('org_id').notNull().primaryKey(),
  active: boolean('active').notNull().default(false),
  expiry: text('expiry').$type<ExpiryMode>().notNull().default('never'),
  expiryDays: integer('expiry_days'),
  refundWhenSpent: text('refund_when_spent').$type<RefundPolicy>().notNull().default('negative_balance'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const loyaltyAccounts = pgTable(
  'loyalty_accounts',
  {
    orgId: uuid('org_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    balance: big('balance').notNull().default(0),
    earnedTotal: big('earned_total').notNull().default(0),
    debt: big('debt').notNull().default(0),
    tierCode: text('tier_code'),
    tierSince: ts('tier_since'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.customerId] })],
);

export const loyaltyEntries = pgTable(
  'loyalty_entries',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    customerId: uuid('customer_id').notNull(),
    kind: text('kind').$type<EntryKind>().notNull(),
    points: big('points').notNull(),
    debtPoints: big('debt_points').notNull().default(0),
    reason: text('reason').notNull(),
    sourceKind: text('source_kind').notNull(),
    sourceId: text('source_id'),
    userId: uuid('user_id'),
    amountMinor: big('amount_minor'),
    reversesEntryId: uuid('reverses_entry_id'),
    occurredAt: ts('occurred_at').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export const loyaltyLots = pgTable(
  'loyalty_lots',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    customerId: uuid('customer_id').notNull(),
    entryId: uuid('entry_id').notNull(),
    amount: big('amount').notNull(),
    remaining: big('remaining').notNull(),
    earnedAt: ts('earned_at').notNull(),
    expiresAt: ts('expires_at'),
    lockedUntil: ts('locked_until'),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export const loyaltyEntryLots = pgTable(
  'loyalty_entry_lots',
  {
    orgId: uuid('org_id').notNull(),
    entryId: uuid('entry_id').notNull(),
    lotId: uuid('lot_id').notNull(),
    points: big('points').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.entryId, t.lotId] })],
);

export const loyaltyEarnRules = pgTable(
  'loyalty_earn_rules',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    kind: text('kind').$type<EarnRuleKind>().notNull(),
    active: boolean('active').notNull().default(true),
    pointsPerUnit: doublePrecision('points_per_unit'),
    pointsPerItem: integer('points_per_item'),
    points: integer('points'),
    multiplier: doublePrecision('multiplier'),
    match: text('match'),
    tierCode: text('tier_code'),
    validFrom: ts('valid_from'),
    validTo: ts('valid_to'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export const loyaltyInvariantRuns = pgTable(
  'loyalty_invariant_runs',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    ranAt: ts('ran_at').notNull(),
    accountsChecked: integer('accounts_checked').notNull(),
    breaks: jsonb('breaks').$type<InvariantBreak[]>().notNull(),
    breakCount: integer('break_count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
