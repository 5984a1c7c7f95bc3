/** Request and response schemas of tiers and their settings. */
import { z } from 'zod';
import { DOWNGRADE_POLICIES, REVIEW_PERIODS, TIER_BASES } from '../domain/tiers';

export const ZTierIdParams = z.object({ id: z.uuid() });

const ZBenefit = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[a-z0-9_-]{1,40}$/, 'lower-case letters, digits, _ or -'),
    description: z.string().trim().min(1).max(500),
    perkCode: z
      .string()
      .trim()
      .regex(/^[a-z0-9_-]{1,40}$/, 'lower-case letters, digits, _ or -')
      .optional()
      .describe('the perk this benefit is, so its worth can be weighed'),
  })
  .strict();

const tierFields = {
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9_-]{1,40}$/, 'lower-case letters, digits, _ or -')
    .describe('the tier as the API and earn rules name it'),
  name: z.string().trim().min(1).max(100).describe('the company’s own name for the tier, shown to people'),
  threshold: z
    .int()
    .min(0)
    .max(1e12)
    .describe('points earned, or minor units of the base currency spent, in the window that reach the tier'),
  benefits: z.array(ZBenefit).max(50),
};

export const ZCreateTierRequestSchema = z
  .object({ ...tierFields, benefits: tierFields.benefits.default([]) })
  .strict()
  .superRefine((t, ctx) => {
    const seen = new Set<string>();
    t.benefits.forEach((b, i) => {
      if (seen.has(b.code))
        ctx.addIssue({ code: 'custom', path: ['benefits', i, 'code'], message: 'appears twice' });
      seen.add(b.code);
    });
  });
export const ZUpdateTierRequestSchema = z.object(tierFields).partial().strict();

export const ZTierSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  threshold: z.int(),
  benefits: z.array(z.object({ code: z.string(), description: z.string(), perkCode: z.string().optional() })),
  members: z.int().describe('customers holding the tier now'),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const ZTierSettingsSchema = z.object({
  basis: z
    .enum(TIER_BASES)
    .describe(
      'points_earned: earns minus refunds in the window, never the balance; spend: purchases minus refunds',
    ),
  windowDays: z.int().min(1).max(3660).describe('the rolling window qualification is counted over'),
  downgrade: z
    .enum(DOWNGRADE_POLICIES)
    .describe(
      'none: a tier is kept once reached; period_end: at the end of a review period, to what the customer qualified for; one_level: one step per period end',
    ),
  reviewPeriod: z.enum(REVIEW_PERIODS).describe('calendar periods in the organization’s time zone'),
  downgradeNoticeDays: z
    .int()
    .min(0)
    .max(365)
    .describe('how long before a period end the customer hears of a coming downgrade'),
  expiryNoticeDays: z
    .int()
    .min(0)
    .max(365)
    .describe('how long before points expire the customer hears of it (0: never)'),
});
export const ZUpdateTierSettingsRequestSchema = ZTierSettingsSchema.partial().strict();

export const ZTierProgressSchema = z.object({
  tier: z.object({ code: z.string(), name: z.string(), since: z.date().nullable() }).nullable(),
  basis: z.enum(TIER_BASES),
  qualification: z.int(),
  next: z.object({ code: z.string(), name: z.string(), threshold: z.int(), missing: z.int() }).nullable(),
});
