import {
  char,
  date,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

// Mirror of migrations/0300_feedback.sql.

export const feedbackSettings = pgTable('feedback_settings', {
  orgId: uuid('org_id').primaryKey(),
  anonymityThreshold: integer('anonymity_threshold').notNull().default(5),
  rollupTimeZone: text('rollup_time_zone').notNull().default('UTC'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The dimension columns shared by the facts and the full roll-up ('' when unknown). */
const dimensionColumns = () => ({
  surveyId: text('survey_id').notNull(),
  touchpoint: text('touchpoint').notNull(),
  channel: text('channel').notNull(),
  locale: text('locale').notNull(),
  stage: text('stage').notNull(),
  segment: text('segment').notNull(),
  tier: text('tier').notNull(),
  team: text('team').notNull(),
  audience: text('audience').notNull(),
  /** 0302_feedback_location.sql */
  location: text('location').notNull(),
});

export const feedbackFacts = pgTable(
  'feedback_facts',
  {
    orgId: uuid('org_id').notNull(),
    metric: text('metric').notNull(),
    responseId: text('response_id').notNull(),
    value: smallint('value').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    ...dimensionColumns(),
    customerId: uuid('customer_id'),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.metric, t.responseId] })],
);

export const feedbackRollup = pgTable(
  'feedback_rollup',
  {
    orgId: uuid('org_id').notNull(),
    metric: text('metric').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    value: smallint('value').notNull(),
    ...dimensionColumns(),
    n: integer('n').notNull(),
  },
  (t) => [
    primaryKey({
      columns: [
        t.orgId,
        t.metric,
        t.day,
        t.value,
        t.surveyId,
        t.touchpoint,
        t.channel,
        t.locale,
        t.stage,
        t.segment,
        t.tier,
        t.team,
        t.audience,
        t.location,
      ],
    }),
  ],
);

export const feedbackRollupDaily = pgTable(
  'feedback_rollup_daily',
  {
    orgId: uuid('org_id').notNull(),
    metric: text('metric').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    surveyId: text('survey_id').notNull(),
    audience: text('audience').notNull(),
    value: smallint('value').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.metric, t.day, t.surveyId, t.audience, t.value] })],
);

export const feedbackRollupMonthly = pgTable(
  'feedback_rollup_monthly',
  {
    orgId: uuid('org_id').notNull(),
    metric: text('metric').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    surveyId: text('survey_id').notNull(),
    audience: text('audience').notNull(),
    value: smallint('value').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.metric, t.month, t.surveyId, t.audience, t.value] })],
);

export const feedbackAnswers = pgTable(
  'feedback_answers',
  {
    orgId: uuid('org_id').notNull(),
    responseId: text('response_id').notNull(),
    surveyId: text('survey_id').notNull(),
    audience: text('audience').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    customerId: uuid('customer_id'),
    nps: smallint('nps'),
    csat: smallint('csat'),
    ces: smallint('ces'),
    texts: text('texts').array(),
    langs: text('langs').array().notNull(),
    topics: uuid('topics').array().notNull().default([]),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.responseId] })],
);

export const feedbackTerms = pgTable(
  'feedback_terms',
  {
    orgId: uuid('org_id').notNull(),
    audience: text('audience').notNull(),
    lang: text('lang').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    cls: text('cls').notNull(),
    kind: char('kind', { length: 1 }).notNull(),
    term: text('term').notNull(),
    label: text('label').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.audience, t.lang, t.month, t.cls, t.kind, t.term] })],
);

export const feedbackTopics = pgTable(
  'feedback_topics',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    key: text('key').notNull(),
    name: jsonb('name').$type<Record<string, string>>().notNull(),
    keywords: jsonb('keywords').$type<Record<string, string[]>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
