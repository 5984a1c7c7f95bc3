/** Tables of perks: the catalogue, who got each perk, and the cached assessments (mirrors 0705_loyalty_perks.sql). */
import {
  bigint,
  date,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { PerkAssessment, PerkVerdict } from '../domain/perk-worth';
import type { PerkSource } from '../domain/perks';

const ts = (name: string) => timestamp(name, { withTimezone: true });

export const loyaltyPerks = pgTable(
  'loyalty_perks',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    source: text('source').$type<PerkSource>().notNull(),
    sourceRef: text('source_ref'),
    costMinor: bigint('cost_minor', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export const loyaltyPerkGrants = pgTable(
  'loyalty_perk_grants',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    perkId: uuid('perk_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    grantedAt: ts('granted_at').notNull(),
    origin: text('origin').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export const loyaltyPerkAssessments = pgTable(
  'loyalty_perk_assessments',
  {
    orgId: uuid('org_id').notNull(),
    perkId: uuid('perk_id').notNull(),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    windowDays: integer('window_days').notNull(),
    status: text('status').$type<'pending' | 'ready' | 'failed'>().notNull(),
    verdict: text('verdict').$type<PerkVerdict>(),
    result: jsonb('result').$type<PerkAssessment>(),
    requestedAt: ts('requested_at').notNull(),
    computedAt: ts('computed_at'),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.perkId, t.periodFrom, t.periodTo, t.windowDays] })],
);
