import { z } from 'zod';
import { ZDay } from '../../../http/fields';
import { ZPageQuery } from '../../../http/pagination';
import { isTimeZone } from '../../../lib/time-zone';

export const LOCATION_KINDS = ['store', 'branch', 'outlet', 'office', 'online'] as const;

export const ZIdParams = z.object({ id: z.uuid() });

const ZName = z.string().trim().min(1).max(200);
const ZCode = z
  .string()
  .trim()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/,
    'letters, digits, _ . - (up to 64), starting with a letter or digit',
  );
const ZTimeZone = z.string().refine(isTimeZone, 'is not an IANA time zone');
const ZTargets = z
  .object({
    nps: z.number().min(-100).max(100),
    csat: z.number().min(0).max(100),
    ces: z.number().min(1).max(7),
  })
  .partial()
  .strict();

export const ZLocationSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(LOCATION_KINDS),
  address: z.string(),
  city: z.string(),
  country: z.string().nullable(),
  timeZone: z.string(),
  targets: ZTargets,
  active: z.boolean(),
  createdAt: z.date(),
});

const locationFields = {
  code: ZCode,
  name: ZName,
  kind: z.enum(LOCATION_KINDS),
  address: z.string().trim().max(500),
  city: z.string().trim().max(200),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code, such as PL')
    .nullable(),
  timeZone: ZTimeZone,
  targets: ZTargets,
  active: z.boolean(),
};
export const ZCreateLocationRequestSchema = z.object({
  ...locationFields,
  kind: locationFields.kind.default('store'),
  address: locationFields.address.default(''),
  city: locationFields.city.default(''),
  country: locationFields.country.default(null),
  timeZone: ZTimeZone.optional().describe("the organization's time zone when left out"),
  targets: ZTargets.default({}),
  active: z.boolean().default(true),
});
export const ZUpdateLocationRequestSchema = z.object(locationFields).partial().strict();

export const ZDepartmentSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  topics: z.array(z.string()).describe('keys of the feedback topics the department answers for'),
  createdAt: z.date(),
});
const ZTopicKeys = z
  .array(
    z
      .string()
      .regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, 'must be topic keys: 1–63 lower-case letters, digits, _ or -'),
  )
  .max(50);
export const ZDepartmentRequestSchema = z
  .object({
    name: ZName,
    topics: ZTopicKeys.optional().describe('keys of the feedback topics it answers for'),
  })
  .strict();

export const ZTeamSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  departmentId: z.uuid().nullable(),
  locationId: z.uuid().nullable(),
  managerId: z.uuid().nullable().describe('the user who manages the team'),
  createdAt: z.date(),
});
const teamFields = {
  name: z.string().trim().min(1).max(100),
  departmentId: z.uuid().nullable(),
  locationId: z.uuid().nullable(),
  managerId: z.uuid().nullable(),
};
export const ZCreateTeamRequestSchema = z.object({
  ...teamFields,
  departmentId: teamFields.departmentId.default(null),
  locationId: teamFields.locationId.default(null),
  managerId: teamFields.managerId.default(null),
});
export const ZUpdateTeamRequestSchema = z.object(teamFields).partial().strict();

export const ZEmployeeSchema = z.object({
  id: z.uuid(),
  externalId: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  jobRole: z.string(),
  teamId: z.uuid().nullable(),
  departmentId: z.uuid().nullable(),
  locationId: z.uuid().nullable(),
  managerId: z.uuid().nullable().describe('the employee this person reports to'),
  userId: z.uuid().nullable().describe('their user account, when they log in'),
  hiredOn: z.string().nullable(),
  leftOn: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
const employeeFields = {
  externalId: z.string().trim().min(1).max(200),
  name: ZName,
  email: z.email().max(320).nullable(),
  jobRole: z.string().trim().max(100),
  teamId: z.uuid().nullable(),
  departmentId: z.uuid().nullable(),
  locationId: z.uuid().nullable(),
  managerId: z.uuid().nullable(),
  userId: z.uuid().nullable(),
  hiredOn: ZDay.nullable(),
  leftOn: ZDay.nullable(),
};
const withNulls = {
  email: employeeFields.email.default(null),
  jobRole: employeeFields.jobRole.default(''),
  teamId: employeeFields.teamId.default(null),
  departmentId: employeeFields.departmentId.default(null),
  locationId: employeeFields.locationId.default(null),
  managerId: employeeFields.managerId.default(null),
  userId: employeeFields.userId.default(null),
  hiredOn: employeeFields.hiredOn.default(null),
  leftOn: employeeFields.leftOn.default(null),
};
export const ZCreateEmployeeRequestSchema = z.object({ ...employeeFields, ...withNulls });
export const ZUpdateEmployeeRequestSchema = z.object(employeeFields).partial().strict();

export const ZEmployeeListQuery = ZPageQuery.extend({
  teamId: z.uuid().optional(),
  departmentId: z.uuid().optional(),
  locationId: z.uuid().optional(),
  current: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('true: only people who have not left'),
});

/**
 * One person of an HR file: references by the names an HR system knows (team and department by
 * name, location by code, manager by external id); a name not found yet is created.
 */
export const ZEmployeeRowSchema = z.object({
  externalId: employeeFields.externalId,
  name: ZName,
  email: z.email().max(320).nullable().optional(),
  jobRole: employeeFields.jobRole.optional(),
  team: z.string().trim().max(100).nullable().optional(),
  department: z.string().trim().max(200).nullable().optional(),
  locationCode: ZCode.nullable().optional(),
  managerExternalId: z.string().trim().max(200).nullable().optional(),
  hiredOn: ZDay.nullable().optional(),
  leftOn: ZDay.nullable().optional(),
});
export const ZEmployeeBatchRequestSchema = z.object({
  employees: z.array(ZEmployeeRowSchema).min(1).max(5000),
});
export const ZEmployeeBatchResponseSchema = z.object({ created: z.int(), updated: z.int() });
