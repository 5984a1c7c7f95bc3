/** Tables of offers: their definitions and each customer's exposure with its outcome (0703_loyalty_offers.sql). */
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
import type { OfferArm, OfferKind, OfferSource } from '../domain/offer-targeting';

const ts = (name: string) => timestamp(name, { withTimezone: true });

export const loyaltyOffers = pgTable(
  'loyalty_offers',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    description: text('description').notNull(),
    kind: text('kind').$type<OfferKind>().notNull(),
    source: text('source').$type<OfferSource>().notNull(),
    segments: text('segments').array().notNull(),
    stages: text('stages').array().notNull(),
    tiers: text('tiers').array().notNull(),
    serviceTiers: text('service_tiers').array().notNull(),
    attributes: jsonb('attributes').$type<Record<string, string | number | boolean>>().notNull(),
    items: text('items').array().notNull(),
    categories: text('categories').array().notNull(),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at'),
    holdoutShare: doublePrecision('holdout_share').notNull(),
    conversionWindowDays: integer('conversion_window_days').notNull(),
    priority: integer('priority').notNull(),
    active: boolean('active').notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export const loyaltyOfferExposures = pgTable(
  'loyalty_offer_exposures',
  {
    orgId: uuid('org_id').notNull(),
    offerId: uuid('offer_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    arm: text('arm').$type<OfferArm>().notNull(),
    channel: text('channel').$type<'api' | 'email'>().notNull(),
    exposedAt: ts('exposed_at').notNull(),
    items: text('items').array().notNull(),
    convertedAt: ts('converted_at'),
    conversionEventId: text('conversion_event_id'),
    revenueMinor: bigint('revenue_minor', { mode: 'number' }).notNull(),
    purchases: integer('purchases').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.offerId, t.customerId] })],
);
