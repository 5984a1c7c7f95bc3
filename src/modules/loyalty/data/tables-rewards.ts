/** Tables of rewards: the catalogue with its stock and limits, and the redemptions against it. */
import { bigint, boolean, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { LimitPeriod, RedemptionStatus } from '../domain/rewards';

const ts = (name: string) => timestamp(name, { withTimezone: true });
const count = (name: string) => bigint(name, { mode: 'number' });

export const loyaltyRewards = pgTable(
  'loyalty_rewards',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    description: text('description'),
    pointsCost: count('points_cost').notNull(),
    /** Null: unlimited. */
    stock: integer('stock'),
    perCustomerLimit: integer('per_customer_limit'),
    limitPeriod: text('limit_period').$type<LimitPeriod>().notNull(),
    activeFrom: ts('active_from'),
    activeTo: ts('active_to'),
    active: boolean('active').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export const loyaltyRedemptions = pgTable(
  'loyalty_redemptions',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    customerId: uuid('customer_id').notNull(),
    rewardId: uuid('reward_id'),
    points: count('points').notNull(),
    status: text('status').$type<RedemptionStatus>().notNull(),
    spendEntryId: uuid('spend_entry_id').notNull(),
    restoreEntryId: uuid('restore_entry_id'),
    idempotencyKey: text('idempotency_key'),
    redeemedBy: uuid('redeemed_by'),
    redeemedAt: ts('redeemed_at').notNull(),
    cancelledAt: ts('cancelled_at'),
    cancelReason: text('cancel_reason'),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
