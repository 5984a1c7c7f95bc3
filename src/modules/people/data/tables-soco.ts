/** Tables of SOCO assessments, customer rating links and training. */
import {
  date,
  doublePrecision,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { SocoForm, SocoRater } from '../domain/soco-instrument';
import type { TrainingSkill } from '../domain/training';

const ts = (name: string) => timestamp(name, { withTimezone: true });

export const socoCustomerLinks = pgTable(
  'soco_customer_links',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    employeeId: uuid('employee_id').notNull(),
    caseId: uuid('case_id'),
    customerId: uuid('customer_id'),
    createdBy: uuid('created_by'),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export const socoAssessments = pgTable(
  'soco_assessments',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    employeeId: uuid('employee_id').notNull(),
    raterKind: text('rater_kind').$type<SocoRater>().notNull(),
    form: text('form').$type<SocoForm>().notNull(),
    raterUserId: uuid('rater_user_id'),
    customerId: uuid('customer_id'),
    caseId: uuid('case_id'),
    linkId: uuid('link_id'),
    answers: jsonb('answers').$type<Record<string, number>>().notNull(),
    score: integer('score').notNull(),
    mean: doublePrecision('mean').notNull(),
    customerOrientation: doublePrecision('customer_orientation').notNull(),
    sellingOrientation: doublePrecision('selling_orientation'),
    empathy: doublePrecision('empathy').notNull(),
    personalization: doublePrecision('personalization').notNull(),
    problemSolving: doublePrecision('problem_solving').notNull(),
    feedbackOpenness: doublePrecision('feedback_openness').notNull(),
    assessedAt: ts('assessed_at').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export const trainingCourses = pgTable(
  'training_courses',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    names: jsonb('names').$type<Partial<Record<'en' | 'pl' | 'cs' | 'ru', string>>>().notNull(),
    builds: text('builds').$type<TrainingSkill>().notNull(),
    validityMonths: integer('validity_months'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export const trainingRequirements = pgTable(
  'training_requirements',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    jobRole: text('job_role').notNull(),
    courseId: uuid('course_id').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export const trainingCompletions = pgTable(
  'training_completions',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    employeeId: uuid('employee_id').notNull(),
    courseId: uuid('course_id').notNull(),
    completedOn: date('completed_on', { mode: 'string' }).notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
