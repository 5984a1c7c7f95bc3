import { boolean, date, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true });

export type LocationKind = 'store' | 'branch' | 'outlet' | 'office' | 'online';
/** A location's targets per metric: {"nps": 40, "csat": 85}. */
export type Targets = Partial<Record<'nps' | 'csat' | 'ces', number>>;

export const locations = pgTable(
  'locations',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind').$type<LocationKind>().notNull(),
    address: text('address').notNull(),
    city: text('city').notNull(),
    country: text('country'),
    timeZone: text('time_zone').notNull(),
    targets: jsonb('targets').$type<Targets>().notNull(),
    active: boolean('active').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export const departments = pgTable(
  'departments',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    /** Topic keys of customer feedback the department answers for (migration 0606). */
    topics: text('topics').array().notNull().default([]),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

/**
 * The product's teams: this module owns their name, department and location; the closed loop
 * keeps its routing columns on the same table (its `caseTeams`).
 */
export const teams = pgTable(
  'teams',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    departmentId: uuid('department_id'),
    locationId: uuid('location_id'),
    /** The user who manages the team's cases. */
    managerId: uuid('manager_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export const employees = pgTable(
  'employees',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    externalId: text('external_id').notNull(),
    name: text('name').notNull(),
    email: text('email'),
    jobRole: text('job_role').notNull(),
    teamId: uuid('team_id'),
    departmentId: uuid('department_id'),
    locationId: uuid('location_id'),
    managerId: uuid('manager_id'),
    userId: uuid('user_id'),
    hiredOn: date('hired_on', { mode: 'string' }),
    leftOn: date('left_on', { mode: 'string' }),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
