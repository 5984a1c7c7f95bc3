import { integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Question } from '../domain/questions';

/** Mirrors src/db/migrations/0200_surveys.sql. */
export const instanceSecrets = pgTable('instance_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export type SurveyTexts = {
  title?: Record<string, string>;
  intro?: Record<string, string>;
  thanks?: Record<string, string>;
};

export const surveys = pgTable(
  'surveys',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    publicId: text('public_id').notNull(),
    name: text('name').notNull(),
    audience: text('audience').notNull(),
    status: text('status').notNull(),
    defaultLocale: text('default_locale').notNull(),
    currentVersion: integer('current_version').notNull().default(1),
    touchpoints: text('touchpoints').array().notNull().default([]),
    channels: text('channels').array().notNull().default([]),
    texts: jsonb('texts').$type<SurveyTexts>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export const surveyVersions = pgTable(
  'survey_versions',
  {
    orgId: uuid('org_id').notNull(),
    surveyId: uuid('survey_id').notNull(),
    version: integer('version').notNull(),
    questions: jsonb('questions').$type<Question[]>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.surveyId, t.version] })],
);

export const surveyTriggers = pgTable(
  'survey_triggers',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    surveyId: uuid('survey_id').notNull(),
    eventType: text('event_type').notNull(),
    delayMinutes: integer('delay_minutes').notNull(),
    channel: text('channel').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export const surveyInvitations = pgTable(
  'survey_invitations',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    surveyId: uuid('survey_id').notNull(),
    customerId: uuid('customer_id'),
    channel: text('channel').notNull(),
    status: text('status').notNull(),
    skipReason: text('skip_reason'),
    touchpoint: text('touchpoint'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    remindersSent: integer('reminders_sent').notNull().default(0),
    lastRemindedAt: timestamp('last_reminded_at', { withTimezone: true }),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

/** Mirrors src/db/migrations/0201_survey_contacts_and_invitation_tracking.sql. */
export const surveyResponseContacts = pgTable(
  'survey_response_contacts',
  {
    orgId: uuid('org_id').notNull(),
    responseId: uuid('response_id').notNull(),
    surveyId: uuid('survey_id').notNull(),
    customerId: uuid('customer_id'),
    email: text('email'),
    phone: text('phone'),
    consentedAt: timestamp('consented_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.responseId] })],
);

export const surveyResponses = pgTable(
  'survey_responses',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    surveyId: uuid('survey_id').notNull(),
    version: integer('version').notNull(),
    customerId: uuid('customer_id'),
    invitationId: uuid('invitation_id'),
    status: text('status').notNull(),
    channel: text('channel').notNull(),
    touchpoint: text('touchpoint'),
    /** 0202_response_location.sql */
    locationId: uuid('location_id'),
    locale: text('locale').notNull(),
    answers: jsonb('answers').$type<Record<string, unknown>>().notNull().default({}),
    nps: smallint('nps'),
    csat: smallint('csat'),
    ces: smallint('ces'),
    nonce: text('nonce'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export const surveyContacts = pgTable(
  'survey_contacts',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    customerId: uuid('customer_id').notNull(),
    surveyId: uuid('survey_id').notNull(),
    channel: text('channel').notNull(),
    contactedAt: timestamp('contacted_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export const surveyOptOuts = pgTable(
  'survey_opt_outs',
  {
    orgId: uuid('org_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    channel: text('channel').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.customerId, t.channel] })],
);

export const surveySettings = pgTable('survey_settings', {
  orgId: uuid('org_id').primaryKey(),
  contactCapMax: integer('contact_cap_max').notNull().default(1),
  contactCapDays: integer('contact_cap_days').notNull().default(30),
  reminderAfterHours: integer('reminder_after_hours').notNull().default(72),
  remindersMax: integer('reminders_max').notNull().default(1),
  linkValidDays: integer('link_valid_days').notNull().default(30),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const surveyRateCounters = pgTable(
  'survey_rate_counters',
  {
    orgId: uuid('org_id').notNull(),
    surveyId: uuid('survey_id').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.surveyId, t.windowStart] })],
);
