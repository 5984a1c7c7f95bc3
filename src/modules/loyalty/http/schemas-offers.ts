/** Request and response schemas of offers: definitions, a customer's offers, and each offer's results. */
import { z } from 'zod';
import { ZInstantDate } from '../../../http/fields';
import { ZPageQuery } from '../../../http/pagination';
import { OFFER_KINDS, OFFER_SOURCES } from '../domain/offer-targeting';

const ZCode = z.string().trim().min(1).max(200);
const codes = (max: number, what: string) => z.array(ZCode).max(max).describe(what);

const offerFields = {
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(4000),
  kind: z.enum(OFFER_KINDS),
  source: z
    .enum(OFFER_SOURCES)
    .describe(
      'rules: the offer names its items; recommendation: each customer’s items come from the basket rules',
    ),
  segments: codes(20, 'RFM segments the customer must be in (any of them); empty: all'),
  stages: codes(10, 'lifecycle stages (any of them); empty: all'),
  tiers: codes(20, 'loyalty tiers (any of them); empty: all'),
  serviceTiers: codes(20, 'service tiers (any of them); empty: all'),
  attributes: z
    .record(z.string().min(1).max(100), z.union([z.string().max(2000), z.number(), z.boolean()]))
    .refine((r) => Object.keys(r).length <= 20, 'at most 20 attributes')
    .describe('attributes.key must equal the value'),
  items: codes(100, 'SKUs the offer is about: buying one converts (a rule offer)'),
  categories: codes(100, 'categories the offer is about: buying one converts'),
  startsAt: ZInstantDate,
  endsAt: ZInstantDate.nullable(),
  holdoutShare: z
    .number()
    .min(0)
    .max(0.5)
    .describe('share of eligible customers held out as the control group (e.g. 0.1)'),
  conversionWindowDays: z.int().min(1).max(365),
  priority: z.int().min(-1000).max(1000).describe('higher first among rule offers'),
  active: z.boolean(),
};

export const ZCreateOfferRequestSchema = z
  .object({
    ...offerFields,
    description: offerFields.description.default(''),
    source: offerFields.source.default('rules'),
    segments: offerFields.segments.default([]),
    stages: offerFields.stages.default([]),
    tiers: offerFields.tiers.default([]),
    serviceTiers: offerFields.serviceTiers.default([]),
    attributes: offerFields.attributes.default({}),
    items: offerFields.items.default([]),
    categories: offerFields.categories.default([]),
    endsAt: offerFields.endsAt.default(null),
    holdoutShare: offerFields.holdoutShare.default(0.1),
    conversionWindowDays: offerFields.conversionWindowDays.default(14),
    priority: offerFields.priority.default(0),
    active: offerFields.active.default(true),
  })
  .strict();
export const ZUpdateOfferRequestSchema = z.object(offerFields).partial().strict();

export const ZOfferSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  kind: z.enum(OFFER_KINDS),
  source: z.enum(OFFER_SOURCES),
  segments: z.array(z.string()),
  stages: z.array(z.string()),
  tiers: z.array(z.string()),
  serviceTiers: z.array(z.string()),
  attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  items: z.array(z.string()),
  categories: z.array(z.string()),
  startsAt: z.date(),
  endsAt: z.date().nullable(),
  holdoutShare: z.number(),
  conversionWindowDays: z.int(),
  priority: z.int(),
  active: z.boolean(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const ZCustomerOffersQuery = z.object({ limit: z.coerce.number().int().min(1).max(50).default(10) });

export const ZShownOfferSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  kind: z.enum(OFFER_KINDS),
  source: z.enum(OFFER_SOURCES),
  items: z.array(
    z.object({
      sku: z.string(),
      name: z.string().nullable(),
      score: z
        .number()
        .nullable()
        .describe('a recommendation’s lower bound of lift × the customer’s expected value'),
    }),
  ),
  exposedAt: z.date(),
  converted: z.boolean(),
});
export const ZCustomerOffersResponseSchema = z.object({
  items: z.array(ZShownOfferSchema).describe('ranked: rule offers by priority, then recommended items'),
});

const ZInterval = z.tuple([z.number(), z.number()]);
const ZArm = z.object({
  n: z.int(),
  converted: z.int(),
  conversionRate: z.number().nullable(),
  conversionCi95: ZInterval.nullable().describe('Wilson score interval'),
  revenuePerCustomerMinor: z
    .number()
    .nullable()
    .describe('matching purchases within the window, per customer'),
  emailed: z.int().describe('exposures by e-mail'),
});
export const ZOfferResultsSchema = z.object({
  offerId: z.uuid(),
  name: z.string(),
  holdoutShare: z.number(),
  conversionWindowDays: z.int(),
  shown: ZArm,
  holdout: ZArm,
  verdict: z
    .enum(['not_enough_data', 'lifts', 'lowers', 'no_clear_effect'])
    .describe('not_enough_data while either group has fewer than 30 customers'),
  incrementalConversion: z
    .object({ difference: z.number(), ci95: ZInterval })
    .nullable()
    .describe('shown − holdout conversion, with Newcombe’s hybrid score interval'),
  incrementalRevenuePerCustomerMinor: z
    .object({ difference: z.number(), ci95: ZInterval })
    .nullable()
    .describe('difference of mean revenue per customer, with Welch’s interval'),
});

export const ZOfferParams = z.object({ id: z.uuid() });
export const ZOfferListQuery = ZPageQuery;
