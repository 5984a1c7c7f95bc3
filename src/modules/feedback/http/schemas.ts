import { z } from 'zod';
import { parseDayNumber } from '../../../lib/day-number';
import { AUDIENCES, DIMENSIONS, GROUP_BYS } from '../domain/dimensions';

export const METRICS = ['nps', 'csat', 'ces'] as const;

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

const isWhen = (s: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(s)
    ? !Number.isNaN(parseDayNumber(s)) && s >= '1900' && s < '3000'
    : DATE_TIME.test(s) && !Number.isNaN(Date.parse(s)) && s >= '1900' && s < '3000';

/** A calendar date (a local day of the organization) or an ISO 8601 date-time with offset. */
export const ZWhen = z
  .string()
  .refine(isWhen, 'must be a date YYYY-MM-DD or an ISO 8601 date-time with offset, years 1900–2999')
  .meta({ examples: ['2026-01-01', '2026-01-01T00:00:00+01:00'] });

const ZDimensionValue = z.string().max(200);

export const ZFeedbackFilters = z.object({
  surveyId: z.string().min(1).max(100).optional(),
  touchpoint: ZDimensionValue.optional(),
  channel: ZDimensionValue.optional(),
  locale: ZDimensionValue.optional(),
  stage: ZDimensionValue.optional(),
  segment: ZDimensionValue.optional(),
  tier: ZDimensionValue.optional(),
  team: ZDimensionValue.optional(),
  audience: z.enum(AUDIENCES).optional(),
  location: ZDimensionValue.optional().describe("a location's id"),
  from: ZWhen.optional().describe('inclusive; a date is that local day, a date-time that instant'),
  to: ZWhen.optional().describe('a date includes that local day; a date-time is exclusive'),
});

export const ZFormat = z
  .enum(['json', 'csv'])
  .optional()
  .describe('csv answers the table as text/csv (also chosen by Accept: text/csv)');

export const ZMetricParams = z.object({ metric: z.enum(METRICS) });

export const ZMetricQuerySchema = ZFeedbackFilters.extend({
  groupBy: z.enum(GROUP_BYS as [string, ...string[]]).optional(),
  compare: z.enum(['previous']).optional().describe('the period of equal length just before from..to'),
  compareFrom: ZWhen.optional(),
  compareTo: ZWhen.optional(),
  format: ZFormat,
})
  .refine((q) => !(q.compare && (q.compareFrom || q.compareTo)), {
    path: ['compare'],
    message: 'give either compare=previous or compareFrom/compareTo, not both',
  })
  .refine((q) => q.compare !== 'previous' || q.from !== undefined, {
    path: ['from'],
    message: 'is needed with compare=previous',
  });

const ZInterval = z.tuple([z.number(), z.number()]).nullable();

const ZFigure = z.object({
  score: z.number().nullable(),
  n: z.number().int(),
  ci95: ZInterval,
  counts: z.record(z.string(), z.number()),
  smallSample: z.boolean().describe('fewer than 30 answers'),
});

export const ZMetricResponseSchema = z.discriminatedUnion('suppressed', [
  ZFigure.extend({
    metric: z.enum(METRICS),
    suppressed: z.literal(false),
    distribution: z.array(z.number()).describe('answers per scale value, lowest first'),
    mean: z.number().nullable().optional(),
    agreePercent: z.number().nullable().optional(),
    groups: z.array(
      ZFigure.extend({
        key: z.string().nullable().describe("the group's value; for groupBy=location the location's id"),
        name: z.string().nullable().optional().describe("groupBy=location: the location's name"),
      }),
    ),
    withheldGroups: z.number().int().describe('groups not shown under the anonymity threshold'),
    anonymityThreshold: z.number().int(),
    notice: z.string().optional(),
    change: z
      .object({
        delta: z.number(),
        pValue: z.number().nullable(),
        previous: z.object({ score: z.number().nullable(), n: z.number().int() }),
      })
      .optional(),
  }),
  z.object({
    metric: z.enum(METRICS),
    suppressed: z.literal(true),
    anonymityThreshold: z.number().int(),
    message: z.string(),
  }),
]);

export const ZDriversQuerySchema = ZFeedbackFilters.extend({
  metric: z.enum(METRICS).default('nps'),
  by: z.enum(DIMENSIONS as [string, ...string[]]).default('touchpoint'),
  format: ZFormat,
});

const ZDriver = z.object({
  key: z.string().nullable(),
  name: z.string().nullable().optional().describe("by=location: the location's name"),
  n: z.number().int(),
  share: z.number(),
  score: z.number().nullable(),
  ci95: ZInterval,
  smallSample: z.boolean(),
  impact: z.number().nullable().describe('overall score minus the score without this group'),
});

export const ZDriversResponseSchema = z.object({
  metric: z.enum(METRICS),
  by: z.string(),
  suppressed: z.boolean(),
  message: z.string().optional(),
  score: z.number().nullable(),
  n: z.number().int().nullable(),
  items: z.array(ZDriver),
  withheldGroups: z.number().int(),
  anonymityThreshold: z.number().int(),
});

export const ZSettingsSchema = z.object({
  anonymityThreshold: z.number().int().min(3).max(1000),
});

export const ZUpdateSettingsRequestSchema = ZSettingsSchema.partial();

const ZKeywordList = z.array(z.string().trim().min(1).max(100)).max(200);

export const ZTopicKeywords = z
  .object({
    pl: ZKeywordList.optional(),
    cs: ZKeywordList.optional(),
    ru: ZKeywordList.optional(),
    en: ZKeywordList.optional(),
    any: ZKeywordList.optional().describe('keywords of every language: brands, product names'),
  })
  .strict()
  .refine((k) => Object.values(k).some((list) => list?.length), 'must hold at least one keyword')
  .describe('a word, a prefix ending in * ("deliver*") or a phrase ("on time") per entry');

export const ZTopicName = z
  .object({
    en: z.string().trim().min(1).max(100).optional(),
    pl: z.string().trim().min(1).max(100).optional(),
    cs: z.string().trim().min(1).max(100).optional(),
    ru: z.string().trim().min(1).max(100).optional(),
  })
  .strict();

export const ZCreateTopicRequestSchema = z.object({
  key: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, 'must be 1–63 lower-case letters, digits, _ or -'),
  name: ZTopicName.optional(),
  keywords: ZTopicKeywords,
});

export const ZUpdateTopicRequestSchema = ZCreateTopicRequestSchema.partial();

export const ZTopicSchema = z.object({
  id: z.uuid(),
  key: z.string(),
  name: z.record(z.string(), z.string()),
  keywords: z.record(z.string(), z.array(z.string())),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const ZTopicParams = z.object({ id: z.uuid() });

export const ZTermsQuerySchema = z.object({
  lang: z.enum(['pl', 'cs', 'ru', 'en', 'und']).optional(),
  audience: z.enum(AUDIENCES).default('customers'),
  from: ZWhen.optional().describe('widened to the start of its local month'),
  to: ZWhen.optional().describe('widened to the end of its local month'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

const ZRankedTerm = z.object({
  term: z.string().describe('a readable spelling'),
  key: z.string().describe('the stem (or stems) it is counted under'),
  zScore: z.number().nullable().describe('null when the other side wrote nothing to compare with'),
  logOddsRatio: z.number().nullable(),
  significant: z.boolean().describe('typical of this side beyond chance: z at least 1.96'),
  count: z.number().int().describe('answers of this side that mention it'),
  otherCount: z.number().int().describe('answers of the other side that mention it'),
});

const ZTermSide = z.object({ terms: z.array(ZRankedTerm), phrases: z.array(ZRankedTerm) });

export const ZTermsResponseSchema = z.object({
  audience: z.enum(AUDIENCES),
  fromMonth: z.string().nullable(),
  toMonth: z.string().nullable(),
  languages: z.array(
    z.object({
      lang: z.string(),
      suppressed: z.boolean(),
      answers: z
        .object({ detractors: z.number().int(), passives: z.number().int(), promoters: z.number().int() })
        .nullable(),
      detractors: ZTermSide.nullable(),
      promoters: ZTermSide.nullable(),
    }),
  ),
});

export const ZTextTopicsQuerySchema = z.object({
  audience: z.enum(AUDIENCES).default('customers'),
  surveyId: z.string().min(1).max(100).optional(),
  from: ZWhen.optional(),
  to: ZWhen.optional(),
});

export const ZTextTopicsResponseSchema = z.object({
  audience: z.enum(AUDIENCES),
  answers: z.number().int().nullable().describe('responses with open answers in the period'),
  suppressed: z.boolean(),
  message: z.string().optional(),
  withheldTopics: z.number().int(),
  anonymityThreshold: z.number().int(),
  items: z.array(
    z.object({
      id: z.uuid(),
      key: z.string(),
      name: z.record(z.string(), z.string()),
      n: z.number().int(),
      share: z.number(),
      trend: z.array(z.object({ month: z.string(), n: z.number().int(), share: z.number() })),
      effect: z.object({
        n: z.number().int().describe('answers with the topic and an NPS score'),
        share: z.number(),
        scoreWith: z.number().nullable(),
        scoreWithout: z.number().nullable(),
        effect: z.number().nullable().describe('NPS with the topic minus NPS without it'),
        pValue: z.number().nullable(),
        smallSample: z.boolean(),
      }),
    }),
  ),
});
