/** Request and response schemas of goodwill budgets and grants. */
import { z } from 'zod';
import { zMinorUnits } from '../../../http/fields';
import { ZPageQuery } from '../../../http/pagination';
import { GOODWILL_KINDS, GOODWILL_PERIODS } from '../domain/goodwill-budget';

const ZTier = z
  .string()
  .trim()
  .regex(/^[a-z0-9_-]{1,40}$/, 'a service tier: lower-case letters, digits, _ or -');

export const ZBudgetSchema = z.object({
  id: z.uuid(),
  tier: z.string(),
  period: z.enum(GOODWILL_PERIODS),
  poolMinor: z
    .int()
    .describe("everything granted to the tier's customers in one period, minor units of the base currency"),
  perCustomerMinor: z
    .int()
    .nullable()
    .describe('the most one customer may get in one period; null: only the pool limits'),
  currency: z.string(),
  currentPeriodStart: z
    .string()
    .describe('the first day of the current period, in the organization’s time zone'),
  spentMinor: z.int().describe('granted in the current period'),
  grants: z.int(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

const budgetFields = {
  tier: ZTier,
  period: z.enum(GOODWILL_PERIODS),
  poolMinor: zMinorUnits({ max: 1e12 }),
  perCustomerMinor: zMinorUnits({ max: 1e12 }).nullable(),
};
export const ZCreateBudgetRequestSchema = z
  .object({
    ...budgetFields,
    period: budgetFields.period.default('month'),
    perCustomerMinor: budgetFields.perCustomerMinor.default(null),
  })
  .strict();
export const ZUpdateBudgetRequestSchema = z.object(budgetFields).partial().strict();

export const ZGrantRequestSchema = z
  .object({
    kind: z.enum(GOODWILL_KINDS),
    amountMinor: zMinorUnits({ min: 1, max: 1e12 }).describe('in minor units of the base currency'),
    note: z.string().trim().max(2000).nullable().default(null),
  })
  .strict();

export const ZGrantSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  customerId: z.uuid(),
  tier: z.string(),
  periodStart: z.string(),
  kind: z.enum(GOODWILL_KINDS),
  amountMinor: z.int(),
  currency: z.string(),
  note: z.string().nullable(),
  grantedBy: z.uuid().nullable(),
  grantedAt: z.date(),
});

export const ZGrantListQuery = ZPageQuery.extend({
  caseId: z.uuid().optional(),
  customerExternalId: z.string().min(1).max(200).optional(),
});

export const ZCaseIdParams = z.object({ id: z.uuid() });
