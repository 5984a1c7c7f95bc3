/** Request and response schemas of the value module: fits, reports, customer values and settings. */
import { z } from 'zod';
import { ZDay } from '../../../http/fields';
import { ZPageQuery, zPage } from '../../../http/pagination';

export const ZTierName = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{0,49}$/, 'must be a lower-case word such as premium or priority');

export const ZTierRuleSchema = z
  .object({
    by: z
      .enum(['percentile', 'profitability'])
      .describe('percentile rank (0–100) or profitability in minor units'),
    defaultTier: ZTierName.describe('the tier of customers below every threshold'),
    tiers: z
      .array(z.object({ tier: ZTierName, min: z.number().min(-1e15).max(1e15) }))
      .max(10)
      .describe('a customer gets the first tier whose min it reaches, highest min first'),
  })
  .superRefine((rule, ctx) => {
    const seen = new Set([rule.defaultTier]);
    rule.tiers.forEach((t, i) => {
      if (seen.has(t.tier))
        ctx.addIssue({ code: 'custom', path: ['tiers', i, 'tier'], message: 'is named twice' });
      seen.add(t.tier);
      if (rule.by === 'percentile' && !(t.min >= 0 && t.min <= 100)) {
        ctx.addIssue({
          code: 'custom',
          path: ['tiers', i, 'min'],
          message: 'must be a percentile from 0 to 100',
        });
      }
    });
  });

const ZMinor = z.int().min(0).max(1e12);

export const ZValueSettingsSchema = z.object({
  model: z.enum(['bgnbd', 'paretoNbd']).describe('transaction model that scores customers'),
  horizonMonths: z.int().min(1).max(120).describe('horizon of expected purchases, CLV and cost to serve'),
  annualDiscountRate: z.number().min(0).max(1),
  margin: z.number().min(0).max(1).describe('share of spend that is profit'),
  costPerOrderMinor: ZMinor,
  costPerContactMinor: ZMinor,
  costPerCaseHourMinor: ZMinor,
  tierRule: ZTierRuleSchema,
});
export const ZUpdateValueSettingsRequestSchema = ZValueSettingsSchema.partial();
export const ZValueSettingsResponseSchema = ZValueSettingsSchema.extend({
  currency: z.string().describe('base currency of the amounts'),
});

const ZCalendarDate = ZDay;

export const ZFitRequestSchema = z.object({
  until: ZCalendarDate.optional().describe(
    "calibration end, inclusive, in the organization's time zone; default today",
  ),
  timeUnit: z.enum(['week', 'day']).optional(),
  holdoutUntil: ZCalendarDate.optional().describe(
    'end of the holdout check, inclusive; default the latest purchase day when it is after `until`',
  ),
});
export const ZFitStartedResponseSchema = z.object({
  jobId: z.int(),
  status: z.literal('queued'),
  statusUrl: z.string(),
});

const zFit = <S extends Record<string, z.ZodNumber>>(shape: S) =>
  z
    .object({
      params: z.object(shape),
      logLik: z.number(),
      stdErr: z.object(Object.fromEntries(Object.keys(shape).map((k) => [k, z.number().nullable()]))),
      converged: z.boolean(),
      iterations: z.int(),
      customers: z.number(),
    })
    .nullable();

const ZPerModel = z.object({ bgnbd: z.number().optional(), paretoNbd: z.number().optional() });

const ZHoldoutSchema = z.object({
  from: z.string(),
  until: z.string(),
  length: z.number().describe('in time units'),
  customers: z.int(),
  actualTotal: z.number(),
  predictedTotal: ZPerModel,
  groups: z.array(
    z.object({
      frequency: z.string().describe("calibration repeat purchases: '0', '1', … '7+'"),
      customers: z.number(),
      actual: z.number(),
      predicted: ZPerModel,
      absoluteError: ZPerModel,
    }),
  ),
  meanAbsoluteError: ZPerModel,
  aggregateErrorPercent: ZPerModel,
});

export const ZValueReportResponseSchema = z.object({
  fitId: z.int(),
  fittedAt: z.date(),
  currency: z.string(),
  until: z.string(),
  timeUnit: z.enum(['week', 'day']),
  customers: z.int(),
  repeatCustomers: z.int(),
  tuples: z.int(),
  spendUnit: z.literal('minor'),
  models: z.object({
    bgnbd: zFit({ r: z.number(), alpha: z.number(), a: z.number(), b: z.number() }),
    paretoNbd: zFit({ r: z.number(), alpha: z.number(), s: z.number(), beta: z.number() }),
    gammaGamma: zFit({ p: z.number(), q: z.number(), gamma: z.number() }),
  }),
  holdout: ZHoldoutSchema.optional(),
  warnings: z.array(z.string()),
  durationMs: z.number(),
});

export const VALUE_SORTS = ['clv', '-clv', 'profitability', '-profitability'] as const;

export const ZListValuesQuery = ZPageQuery.extend({
  sort: z.enum(VALUE_SORTS).default('-clv').describe('-clv: highest lifetime value first'),
  tier: ZTierName.optional(),
});

export const ZCustomerValueSchema = z.object({
  aliveProbability: z.number(),
  expectedPurchases: z.number(),
  expectedSpendMinor: z.int(),
  clvMinor: z.int(),
  costToServeMinor: z.int(),
  profitabilityMinor: z.int(),
  tier: z.string(),
  scoredAt: z.date(),
});
export const ZListValuesResponseSchema = zPage(ZCustomerValueSchema.extend({ externalId: z.string() }));

export const ZDistributionQuery = z.object({
  bins: z.coerce.number().int().min(1).max(100).default(20),
});
export const ZDistributionResponseSchema = z.object({
  currency: z.string(),
  customers: z.int(),
  scoredAt: z.date().nullable(),
  clv: z.object({
    minMinor: z.number(),
    maxMinor: z.number(),
    meanMinor: z.number(),
    p50Minor: z.number(),
    p90Minor: z.number(),
    p99Minor: z.number(),
  }),
  histogram: z
    .array(z.object({ fromMinor: z.number(), toMinor: z.number(), customers: z.int() }))
    .describe('equal bins from the lowest CLV to the 99th percentile, then one bin up to the highest'),
  tiers: z.array(
    z.object({
      tier: z.string(),
      customers: z.int(),
      share: z.number(),
      clvMinor: z.number(),
      profitabilityMinor: z.number(),
    }),
  ),
});
