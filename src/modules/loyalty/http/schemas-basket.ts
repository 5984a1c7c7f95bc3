/** Request and response schemas of basket rules: the rules, their mining runs and thresholds. */
import { z } from 'zod';
import { ZPageQuery } from '../../../http/pagination';

export const ZBasketRuleSchema = z.object({
  id: z.uuid(),
  antecedent: z
    .array(z.string())
    .describe('item codes of the antecedent (sku, else name, else category), sorted'),
  antecedentNames: z.array(z.string()).describe('the shop’s names of those items, in the same order'),
  consequent: z.string(),
  consequentName: z.string(),
  count: z.int().describe('baskets holding the antecedent and the consequent'),
  antecedentCount: z.int(),
  consequentCount: z.int(),
  baskets: z.int().describe('baskets mined'),
  support: z.number(),
  confidence: z.number(),
  lift: z.number(),
  liftLower: z.number().describe('lower end of the 95 % interval of lift (delta method on ln lift)'),
  minedAt: z.date(),
});

export const ZListBasketRulesQuery = ZPageQuery.extend({
  item: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe('only rules naming this item code on either side'),
});

export const ZBasketRunSchema = z.object({
  id: z.uuid(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  trigger: z.enum(['schedule', 'request']),
  requestedBy: z.uuid().nullable(),
  minSupport: z.number(),
  minConfidence: z.number(),
  maxLength: z.int(),
  since: z.date(),
  baskets: z.int().nullable(),
  lineItems: z.int().nullable(),
  items: z.int().nullable(),
  rules: z.int().nullable(),
  error: z.string().nullable(),
  createdAt: z.date(),
  startedAt: z.date().nullable(),
  finishedAt: z.date().nullable(),
});

export const ZMineBasketRulesResponseSchema = z.object({
  runId: z.uuid(),
  jobId: z.int().describe('follow it at /api/v1/jobs/{id}'),
});

export const ZBasketSettingsSchema = z.object({
  minSupport: z.number().min(0.0001).max(1).describe('share of baskets an itemset must be in'),
  minConfidence: z
    .number()
    .min(0.01)
    .max(1)
    .describe('share of the antecedent’s baskets that hold the consequent'),
  maxLength: z.int().min(2).max(6).describe('most items of a rule, antecedent and consequent together'),
  windowDays: z.int().min(7).max(3660).describe('purchases of the last this many days are mined'),
  recentBaskets: z
    .int()
    .min(1)
    .max(50)
    .describe('latest baskets of a customer that recommendations start from'),
});

export const ZUpdateBasketSettingsRequestSchema = ZBasketSettingsSchema.partial().strict();
