/** Tables of referrals: settings, each customer's code and the referrals made (0702_loyalty_referrals.sql). */
import { bigint, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { ReferralSource, ReferralStatus } from '../domain/referral-guards';

const ts = (name: string) => timestamp(name, { withTimezone: true });
const num = (name: string) => bigint(name, { mode: 'number' });

export const loyaltyReferralSettings = pgTable('loyalty_referral_settings', {
  orgId: uuid('org_id').primaryKey(),
  qualifyingDays: integer('qualifying_days').notNull(),
  referrerPoints: num('referrer_points').notNull(),
  referredPoints: num('referred_points').notNull(),
  capCount: integer('cap_count').notNull(),
  capDays: integer('cap_days').notNull(),
  newCustomerDays: integer('new_customer_days').notNull(),
  landingUrl: text('landing_url'),
  updatedAt: ts('updated_at').notNull(),
});

export const loyaltyReferralCodes = pgTable(
  'loyalty_referral_codes',
  {
    orgId: uuid('org_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    code: text('code').notNull(),
    visits: integer('visits').notNull().default(0),
    lastVisitAt: ts('last_visit_at'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.customerId] })],
);

export const loyaltyReferrals = pgTable(
  'loyalty_referrals',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    referrerId: uuid('referrer_id'),
    referredId: uuid('referred_id').notNull(),
    code: text('code').notNull(),
    source: text('source').$type<ReferralSource>().notNull(),
    status: text('status').$type<ReferralStatus>().notNull(),
    reason: text('reason'),
    claimedAt: ts('claimed_at').notNull(),
    purchaseEventId: text('purchase_event_id'),
    purchaseAt: ts('purchase_at'),
    purchaseMinor: num('purchase_minor'),
    qualifiesAt: ts('qualifies_at'),
    rewardedAt: ts('rewarded_at'),
    referrerPoints: num('referrer_points'),
    referredPoints: num('referred_points'),
    referrerEntryId: uuid('referrer_entry_id'),
    referredEntryId: uuid('referred_entry_id'),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
