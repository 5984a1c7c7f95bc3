/** Tables of goodwill: budgets per tier and the grants counted against them. */
import { bigint, date, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { GoodwillKind, GoodwillPeriod } from '../domain/goodwill-budget';

const ts = (name: string) => timestamp(name, { withTimezone: true });
const minor = (name: string) => bigint(name, { mode: 'number' });

export const goodwillBudgets = pgTable(
  'goodwill_budgets',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    tier: text('tier').notNull(),
    period: text('period').$type<GoodwillPeriod>().notNull(),
    poolMinor: minor('pool_minor').notNull(),
    perCustomerMinor: minor('per_customer_minor'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export const goodwillGrants = pgTable(
  'goodwill_grants',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    caseId: uuid('case_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    tier: text('tier').notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    kind: text('kind').$type<GoodwillKind>().notNull(),
    amountMinor: minor('amount_minor').notNull(),
    note: text('note'),
    grantedBy: uuid('granted_by'),
    grantedAt: ts('granted_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
