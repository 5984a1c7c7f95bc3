/** Request and response schemas of perks and their assessments ("is a perk worth it?"). */
import { z } from 'zod';
import { ZDay, zMinorUnits } from '../../../http/fields';
import { ZCurrency } from '../../orgs/api';
import { PERK_OUTCOMES, PERK_REASONS, PERK_VERDICTS } from '../domain/perk-worth';
import { PERK_SOURCES } from '../domain/perks';

export const ZPerkIdParams = z.object({ id: z.uuid() });

const perkFields = {
  code: z
    .string()
    .regex(/^[a-z0-9_-]{1,60}$/, 'lower-case letters, digits, _ or -, at most 60')
    .describe("the perk's code; an 'event' perk's events carry it as data.perk"),
  name: z.string().trim().min(1).max(200),
  source: z.enum(PERK_SOURCES).describe('where its grants come from'),
  sourceRef: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .nullable()
    .describe(
      "event: the event type (default 'perk'); reward: the reward's id; tier: the tier's code; goodwill: the gesture's kind (refund, gift, service; none: all); offer: the offer's id",
    ),
  costMinor: zMinorUnits({ max: 1e12 }).describe('what one grant costs, minor units of the base currency'),
  currency: ZCurrency.describe("the organization's base currency"),
};

export const ZCreatePerkRequestSchema = z
  .object({ ...perkFields, sourceRef: perkFields.sourceRef.optional() })
  .strict();
export const ZUpdatePerkRequestSchema = z.object(perkFields).partial().strict();

export const ZPerkSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  source: z.enum(PERK_SOURCES),
  sourceRef: z.string().nullable(),
  costMinor: z.int(),
  currency: z.string(),
  createdAt: z.date(),
  updatedAt: z.date(),
  latest: z
    .object({
      periodFrom: z.string(),
      periodTo: z.string(),
      windowDays: z.int(),
      verdict: z.enum(PERK_VERDICTS),
      computedAt: z.date(),
    })
    .nullable()
    .describe('the newest verdict over any period'),
});

export const ZWorthQuery = z
  .object({
    from: ZDay.optional().describe("the first day of the period's grants (default: six months before `to`)"),
    to: ZDay.optional().describe(
      'the last day (default: one window before today); its after window must have ended',
    ),
    window: z.coerce
      .number()
      .int()
      .min(7)
      .max(730)
      .optional()
      .describe('days before and after each grant that are compared (default 90)'),
  })
  .strict();
export const ZRefreshWorthRequestSchema = ZWorthQuery;

const ZInterval = z.tuple([z.number(), z.number()]);
const ZEstimate = z.object({ estimate: z.number(), ci95: ZInterval, n: z.int(), standardError: z.number() });

export const ZPerkAssessmentSchema = z.object({
  treated: z
    .int()
    .describe('customers who got the perk in the period (first grant) with a complete window after it'),
  controls: z.int().describe('customers who did not, each at a pseudo-date drawn from the grants’ days'),
  pairs: z
    .int()
    .describe('matched pairs: 1:1 nearest neighbour on the logit of the propensity score, no replacement'),
  caliper: z.number().describe('0.2 standard deviations of the logit of the propensity score'),
  balance: z.array(
    z.object({
      covariate: z.string(),
      before: z.number().nullable().describe('standardized mean difference before matching (null: infinite)'),
      after: z.number().nullable(),
      balanced: z.boolean().describe('|SMD after| ≤ 0.1'),
    }),
  ),
  balanced: z.boolean(),
  outcomes: z.array(
    ZEstimate.extend({
      outcome: z.enum(PERK_OUTCOMES),
      naive: z.number().describe('after-window means, treated minus all controls, unmatched'),
    }),
  ),
  costPerCustomerMinor: z.number(),
  net: ZEstimate.nullable().describe('revenue gained minus cost per matched customer, minor units'),
  verdict: z.enum(PERK_VERDICTS),
  reason: z.enum(PERK_REASONS),
});

export const ZPerkWorthSchema = z.object({
  perkId: z.uuid(),
  code: z.string(),
  name: z.string(),
  costMinor: z.int(),
  currency: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  windowDays: z.int(),
  status: z
    .enum(['pending', 'ready', 'failed'])
    .describe('pending: the job computing it has not finished yet'),
  requestedAt: z.date(),
  computedAt: z.date().nullable(),
  result: ZPerkAssessmentSchema.nullable(),
});
