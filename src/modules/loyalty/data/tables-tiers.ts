/** Tables of tiers: the settings, the tiers with their benefits, each customer's tier changes and the notices sent. */
import { bigint, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { DowngradePolicy, ReviewPeriod, TierBasis } from '../domain/tiers';

const ts = (name: string) => timestamp(name, { withTimezone: true });
const count = (name: string) => bigint(name, { mode: 'number' });

/** A benefit of a tier; `perkCode` links it to the perk analysis. */
export type TierBenefit = { code: string; description: string; perkCode?: string };

export const loyaltyTierSettings = pgTable('loyalty_tier_settings', {
  orgId: uuid('org_id').primaryKey(),
  basis: text('basis').$type<TierBasis>().notNull(),
  windowDays: integer('window_days').notNull(),
  downgrade: text('downgrade').$type<DowngradePolicy>().notNull(),
  reviewPeriod: text('review_period').$type<ReviewPeriod>().notNull(),
  downgradeNoticeDays: integer('downgrade_notice_days').notNull(),
  expiryNoticeDays: integer('expiry_notice_days').notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const loyaltyTiers = pgTable(
  'loyalty_tiers',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    threshold: count('threshold').notNull(),
    benefits: jsonb('benefits').$type<TierBenefit[]>().notNull().default([]),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export const loyaltyTierChanges = pgTable(
  'loyalty_tier_changes',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    customerId: uuid('customer_id').notNull(),
    fromCode: text('from_code'),
    toCode: text('to_code'),
    direction: text('direction').$type<'up' | 'down'>().notNull(),
    qualification: count('qualification').notNull(),
    changedAt: ts('changed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export type NoticeKind = 'points_expiring' | 'tier_downgrade';

export const loyaltyNotices = pgTable(
  'loyalty_notices',
  {
    orgId: uuid('org_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    kind: text('kind').$type<NoticeKind>().notNull(),
    ref: text('ref').notNull(),
    sentAt: ts('sent_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.customerId, t.kind, t.ref] })],
);
