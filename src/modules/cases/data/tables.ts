import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { StoredWorkingHours } from '../domain/business-calendar';

export type { StoredWorkingHours };

const ts = (name: string) => timestamp(name, { withTimezone: true });

export type RootCause = { key: string; name: string };
/** A generated title as its message and arguments, rendered in each reader's language. */
export type TitleParts = { key: 'titleResponse' | 'titleEvent'; params: Record<string, string | number> };
export type StoredTopic = { key: string; keywords: string[] };

export const caseSettings = pgTable('case_settings', {
  orgId: uuid('org_id').primaryKey(),
  timeZone: text('time_zone'),
  workingHours: jsonb('working_hours').$type<StoredWorkingHours>().notNull(),
  holidays: jsonb('holidays').$type<string[]>().notNull(),
  warnShare: real('warn_share').notNull(),
  defaultTeamId: uuid('default_team_id'),
  rootCauses: jsonb('root_causes').$type<RootCause[]>().notNull(),
  topics: jsonb('topics').$type<StoredTopic[]>().notNull(),
  followUp: boolean('follow_up').notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** The closed loop's view of the product's teams (owned by people): its routing columns. */
export const caseTeams = pgTable(
  'teams',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    managerId: uuid('manager_id'),
    defaultCapacity: integer('default_capacity').notNull(),
    memberCapacity: jsonb('member_capacity').$type<Record<string, number>>().notNull(),
    lastAssigneeId: uuid('last_assignee_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export const caseRules = pgTable(
  'case_rules',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    enabled: boolean('enabled').notNull(),
    position: integer('position').notNull(),
    trigger: text('trigger').$type<'response' | 'event'>().notNull(),
    conditions: jsonb('conditions').$type<Record<string, unknown>>().notNull(),
    priority: text('priority').notNull(),
    teamId: uuid('team_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export const slaPolicies = pgTable(
  'sla_policies',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    tier: text('tier').notNull(),
    priority: text('priority').notNull(),
    firstResponseMinutes: integer('first_response_minutes').notNull(),
    resolutionMinutes: integer('resolution_minutes').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export const cases = pgTable(
  'cases',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    title: text('title').notNull(),
    titleParts: jsonb('title_parts').$type<TitleParts>(),
    description: text('description'),
    status: text('status').notNull(),
    priority: text('priority').notNull(),
    source: text('source').notNull(),
    ruleId: uuid('rule_id'),
    customerId: uuid('customer_id'),
    responseId: uuid('response_id'),
    eventId: text('event_id'),
    ownerId: uuid('owner_id'),
    teamId: uuid('team_id'),
    /** The location the case is about (migration 0608). */
    locationId: uuid('location_id'),
    tier: text('tier').notNull(),
    firstResponseMinutes: integer('first_response_minutes').notNull(),
    resolutionMinutes: integer('resolution_minutes').notNull(),
    firstResponseWarnAt: ts('first_response_warn_at').notNull(),
    firstResponseDueAt: ts('first_response_due_at').notNull(),
    resolutionWarnAt: ts('resolution_warn_at').notNull(),
    resolutionDueAt: ts('resolution_due_at').notNull(),
    cycleStartedAt: ts('cycle_started_at').notNull(),
    pausedAt: ts('paused_at'),
    pausedMinutes: real('paused_minutes').notNull().default(0),
    firstRespondedAt: ts('first_responded_at'),
    firstResponseBusinessMinutes: real('first_response_business_minutes'),
    resolvedAt: ts('resolved_at'),
    resolutionBusinessMinutes: real('resolution_business_minutes'),
    closedAt: ts('closed_at'),
    cycle: integer('cycle').notNull(),
    slaVersion: integer('sla_version').notNull(),
    rootCause: text('root_cause'),
    outcome: text('outcome'),
    // The nearest pending due time; the database computes it (see the migration).
    nextDueAt: ts('next_due_at').generatedAlwaysAs(
      sql`case when status in ('resolved', 'closed') then null when first_responded_at is null then first_response_due_at else resolution_due_at end`,
    ),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export const caseLinks = pgTable(
  'case_links',
  {
    orgId: uuid('org_id').notNull(),
    sourceKey: text('source_key').notNull(),
    caseId: uuid('case_id').notNull(),
    kind: text('kind').notNull(),
    occurredAt: ts('occurred_at').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.sourceKey] })],
);

export const caseTimeline = pgTable(
  'case_timeline',
  {
    orgId: uuid('org_id').notNull(),
    id: bigint('id', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    caseId: uuid('case_id').notNull(),
    kind: text('kind').notNull(),
    authorId: uuid('author_id'),
    text: text('text'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    at: ts('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export const caseEscalations = pgTable(
  'case_escalations',
  {
    orgId: uuid('org_id').notNull(),
    caseId: uuid('case_id').notNull(),
    kind: text('kind').notNull(),
    cycle: integer('cycle').notNull(),
    at: ts('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.caseId, t.kind, t.cycle] })],
);

export const caseViews = pgTable(
  'case_views',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    userId: uuid('user_id'),
    name: text('name').notNull(),
    filters: jsonb('filters').$type<Record<string, unknown>>().notNull(),
    shared: boolean('shared').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export const cannedReplies = pgTable(
  'canned_replies',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    texts: jsonb('texts').$type<Record<string, string>>().notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
