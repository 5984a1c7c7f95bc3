import { z } from 'zod';
import { ZDay, ZInstant, ZMonth, ZRate, zMinorUnits } from '../../../http/fields';
import { ZPageQuery } from '../../../http/pagination';
import { ZCurrency } from '../../orgs/api';
import { CUSTOMER_SORTS } from '../domain/customer-sorts';
import { RFM_SEGMENTS } from '../domain/rfm-segments';
import { STAGES } from '../domain/stages';

export const BATCH_MAX = 10_000;

/** Erased customers get `erased-…` identifiers; a client cannot take one. */
export const ZExternalId = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .refine((v) => !v.startsWith('erased-'), 'must not start with "erased-" (reserved for erased customers)');

const ZAttributeValue = z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]);
export const ZAttributes = z
  .record(z.string().min(1).max(100), ZAttributeValue)
  .refine((a) => Object.keys(a).length <= 100, 'must have at most 100 keys');
const ZChannel = z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/, 'must be a channel name such as email or sms');
export const ZConsent = z.record(ZChannel, z.boolean());
const ZPhone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ().\-/]{3,40}$/, 'must be a phone number such as +48 600 100 200');
const ZCustomerLocale = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as pl or en-GB');

export const ZCustomerInput = z.object({
  externalId: ZExternalId,
  email: z.email().max(320).optional(),
  phone: ZPhone.optional(),
  name: z.string().trim().min(1).max(300).optional(),
  locale: ZCustomerLocale.optional(),
  attributes: ZAttributes.optional(),
  consent: ZConsent.optional(),
  createdAt: ZInstant.optional().describe(
    'when the customer was created in the source system; "customer since" is the earliest of this, the first event and the first answer',
  ),
});
export type CustomerInput = z.infer<typeof ZCustomerInput>;

export const ZUpsertCustomersRequestSchema = z.object({
  customers: z.array(ZCustomerInput).min(1).max(BATCH_MAX),
});
export const ZUpsertCustomersResponseSchema = z.object({ created: z.int(), updated: z.int() });

export const ZEventType = z
  .string()
  .regex(/^[a-z][a-z0-9_.:-]{0,63}$/, 'must be a lower-case word such as purchase, visit or a custom type');

export const ZEventInput = z
  .object({
    id: z.string().min(1).max(200).optional(),
    type: ZEventType,
    customerExternalId: ZExternalId,
    occurredAt: ZInstant,
    amount: zMinorUnits().optional(),
    currency: ZCurrency.optional(),
    items: z.array(z.record(z.string(), z.unknown())).max(1000).optional(),
    channel: z.string().min(1).max(50).optional(),
    touchpoint: z.string().min(1).max(100).optional(),
    data: z.record(z.string().max(100), z.unknown()).optional(),
  })
  .superRefine((e, issue) => {
    const nps = e.data?.nps;
    if (nps !== undefined && !(Number.isInteger(nps) && (nps as number) >= 0 && (nps as number) <= 10)) {
      issue.addIssue({ code: 'custom', path: ['data', 'nps'], message: 'must be an integer from 0 to 10' });
    }
    if (e.currency && e.amount === undefined) {
      issue.addIssue({ code: 'custom', path: ['amount'], message: 'is required when currency is given' });
    }
  });
export type EventInput = z.infer<typeof ZEventInput>;

export const ZRecordEventsRequestSchema = z.object({ events: z.array(ZEventInput).min(1).max(BATCH_MAX) });
export const ZRecordEventsResponseSchema = z.object({
  received: z.int(),
  stored: z.int().describe('new events stored'),
  duplicates: z.int().describe('events whose id was already stored: skipped'),
  customersCreated: z.int(),
});

export const ZExternalIdParams = z.object({ externalId: z.string().min(1).max(255) });

export const ZListCustomersQuery = ZPageQuery.extend({
  stage: z.enum(STAGES).optional(),
  segment: z.enum(RFM_SEGMENTS).optional(),
  tier: z.string().min(1).max(50).optional(),
  attribute: z
    .string()
    .regex(/^[^:]{1,100}:.{0,2000}$/, 'must be key:value')
    .optional()
    .describe('key:value of an attribute, e.g. city:Kraków'),
  q: z.string().trim().min(1).max(200).optional().describe('text in the external id, e-mail, phone or name'),
  sort: z
    .enum(CUSTOMER_SORTS)
    .default('externalId')
    .describe('a leading - puts the highest first; customers without the figure come last'),
});

const ZRfm = z.object({
  recencyDays: z.int().describe('days from the last purchase to today, in the organization time zone'),
  lastPurchaseOn: z.iso.date(),
  frequency: z.int(),
  monetaryMinor: z.int(),
  r: z.int(),
  f: z.int(),
  m: z.int(),
  segment: z.enum(RFM_SEGMENTS),
  changedAt: z.date().describe('when these scores last changed; they are recomputed daily'),
});

export const ZCustomerSchema = z.object({
  externalId: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  name: z.string().nullable(),
  locale: z.string().nullable(),
  attributes: z.record(z.string(), z.unknown()),
  consent: z.record(z.string(), z.boolean()),
  ownerId: z.string().nullable(),
  lifecycleStage: z.enum(STAGES),
  stageChangedAt: z.date().nullable().describe("when the current stage began, in the customer's history"),
  since: z
    .date()
    .describe(
      'customer since: the earliest of the first event, the first answer and createdAt of the source',
    ),
  serviceTier: z.string().nullable(),
  segment: z.enum(RFM_SEGMENTS).nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

/** A customer as the list shows it: with the figures it can be sorted by. */
export const ZCustomerListItemSchema = ZCustomerSchema.extend({
  clvMinor: z
    .int()
    .nullable()
    .describe('modelled lifetime value, minor units of `currency`; null until scored'),
  currency: z.string().describe("the organization's base currency"),
  aliveProbability: z.number().nullable().describe('modelled probability of still being a customer'),
  lastPurchaseOn: z.iso.date().nullable().describe('day of the last purchase, in the organization time zone'),
});

const ZStageChange = z.object({ from: z.enum(STAGES), to: z.enum(STAGES), at: z.date() });

/** The profile: the customer, its scores and history, and one section per customer extension. */
export const ZProfileSchema = z.looseObject({
  ...ZCustomerSchema.shape,
  rfm: ZRfm.nullable(),
  lastNps: z.int().nullable(),
  stageHistory: z.array(ZStageChange),
});

export const ZUpdateCustomerRequestSchema = z
  .object({
    email: z.email().max(320).nullable(),
    phone: ZPhone.nullable(),
    name: z.string().trim().min(1).max(300).nullable(),
    locale: ZCustomerLocale.nullable(),
    attributes: ZAttributes.describe('merged into the stored attributes; a null value removes the key'),
    consent: ZConsent.describe('merged into the stored consent'),
    ownerId: z.uuid().nullable(),
  })
  .partial();

export const ZTimelineItem = z.object({
  kind: z.enum(['event', 'stage_change']),
  at: z.date(),
  id: z.string(),
  type: z.string().describe('the event type, or the new stage'),
  fromStage: z.enum(STAGES).nullable(),
  amountMinor: z.int().nullable(),
  currency: z.string().nullable(),
  channel: z.string().nullable(),
  touchpoint: z.string().nullable(),
  data: z.record(z.string(), z.unknown()).nullable(),
});

export const ZLifecycleSettingsSchema = z.object({
  regularMinPurchases: z.int().min(1).max(1000),
  regularWindowDays: z.int().min(1).max(3660),
  loyalMinNps: z.int().min(0).max(10),
  referralWindowDays: z.int().min(1).max(3660),
  lostAfterDays: z.int().min(1).max(3660),
  lostAliveBelow: z.number().gt(0).lt(1).nullable(),
});
export const ZUpdateLifecycleSettingsRequestSchema = ZLifecycleSettingsSchema.partial();

export const ZLifecycleQuery = z.object({
  from: ZInstant.optional().describe('start of the period; default 30 days ago'),
  to: ZInstant.optional().describe('end of the period; default now'),
  at: ZDay.optional().describe(
    'a day (organization time zone): `counts` are the customers per stage at its end, read from the stage history',
  ),
});
const ZStageCounts = z.record(z.enum(STAGES), z.int());
export const ZLifecycleResponseSchema = z.object({
  from: z.date(),
  to: z.date(),
  at: z.iso.date().nullable().describe('the day `counts` are as of; null: now'),
  counts: ZStageCounts,
  transitions: z.array(z.object({ from: z.enum(STAGES), to: z.enum(STAGES), count: z.int() })),
  matrix: z.record(z.enum(STAGES), z.record(z.enum(STAGES), z.int())).describe('matrix[from][to] = count'),
});

export const ZLifecycleMonthsQuery = z.object({
  from: ZMonth.optional().describe('first month; default 23 months before `to`'),
  to: ZMonth.optional().describe('last month; default the current one'),
});
export const ZLifecycleMonthsResponseSchema = z.object({
  months: z
    .array(z.object({ month: z.string(), counts: ZStageCounts }))
    .describe(
      'customers per stage at the end of each month (now, for the current one), from the stage history',
    ),
});

export const ZRateInput = z.object({
  currency: ZCurrency,
  validFrom: ZDay,
  rate: ZRate.describe('units of the base currency for one unit of `currency`, from 1e-12 to 1e12'),
});
export const ZSaveRatesRequestSchema = z.object({ rates: z.array(ZRateInput).min(1).max(1000) });
export const ZRateSchema = z.object({ currency: z.string(), validFrom: z.string(), rate: z.number() });
export const ZRateParams = z.object({ currency: ZCurrency, validFrom: ZDay });

export const ZJobStartedSchema = z.object({ jobId: z.int() });

export const ZImportReportSchema = z.object({
  rows: z.int(),
  accepted: z.int(),
  refused: z.int(),
  created: z.int().optional(),
  updated: z.int().optional(),
  stored: z.int().optional(),
  duplicates: z.int().optional(),
  customersCreated: z.int().optional(),
  errors: z.array(z.object({ line: z.int(), field: z.string(), message: z.string() })),
  errorsTruncated: z.boolean(),
});
