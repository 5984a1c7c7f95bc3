import { boolean, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Mirrors src/db/migrations/0602_people_pulses.sql. */
const ts = (name: string) => timestamp(name, { withTimezone: true });

export type PulseFilters = { teamId?: string; departmentId?: string; locationId?: string };

export const pulseSettings = pgTable(
  'pulse_settings',
  {
    orgId: uuid('org_id').notNull(),
    surveyId: uuid('survey_id').notNull(),
    anonymityThreshold: integer('anonymity_threshold'),
    breakdowns: text('breakdowns').array().notNull(),
    everyWeeks: integer('every_weeks'),
    questionsPerRound: integer('questions_per_round').notNull(),
    filters: jsonb('filters').$type<PulseFilters>().notNull(),
    nextRoundAt: ts('next_round_at'),
    rounds: integer('rounds').notNull(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.surveyId] })],
);

export const pulseRounds = pgTable(
  'pulse_rounds',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    surveyId: uuid('survey_id').notNull(),
    questionIds: text('question_ids').array().notNull(),
    filters: jsonb('filters').$type<PulseFilters>().notNull(),
    links: integer('links').notNull(),
    emailed: integer('emailed').notNull(),
    sentAt: ts('sent_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export const pulseLinks = pgTable(
  'pulse_links',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    roundId: uuid('round_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    teamId: uuid('team_id'),
    departmentId: uuid('department_id'),
    locationId: uuid('location_id'),
    used: boolean('used').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
