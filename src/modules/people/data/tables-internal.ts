import { integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Mirrors src/db/migrations/0606_people_internal_clients.sql. */
const ts = (name: string) => timestamp(name, { withTimezone: true });

export const internalRounds = pgTable(
  'internal_rounds',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    createdAt: ts('created_at').notNull(),
    closesAt: ts('closes_at').notNull(),
    links: integer('links').notNull(),
    emailed: integer('emailed').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export const internalRoundPairs = pgTable(
  'internal_round_pairs',
  {
    orgId: uuid('org_id').notNull(),
    roundId: uuid('round_id').notNull(),
    raterDepartmentId: uuid('rater_department_id').notNull(),
    ratedDepartmentId: uuid('rated_department_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.roundId, t.raterDepartmentId, t.ratedDepartmentId] })],
);

export const internalLinks = pgTable(
  'internal_links',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    roundId: uuid('round_id').notNull(),
    raterDepartmentId: uuid('rater_department_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    usedAt: ts('used_at'),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export const internalAnswers = pgTable(
  'internal_answers',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    roundId: uuid('round_id').notNull(),
    raterDepartmentId: uuid('rater_department_id').notNull(),
    ratedDepartmentId: uuid('rated_department_id').notNull(),
    answeredAt: ts('answered_at').notNull(),
    nps: integer('nps').notNull(),
    csat: integer('csat').notNull(),
    comment: text('comment'),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
