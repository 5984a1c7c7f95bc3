/** Request and response schemas of referrals: a customer's code and link, claims, the list and the settings. */
import { z } from 'zod';
import { ZPageQuery } from '../../../http/pagination';
import { REFERRAL_SOURCES, REFERRAL_STATUSES } from '../domain/referral-guards';

export const ZReferralSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  referrerExternalId: z.string().nullable().describe('null when the code named no customer'),
  referredExternalId: z.string(),
  source: z
    .enum(REFERRAL_SOURCES)
    .describe(
      'api: POST /loyalty/referrals; attribute: attributes.referralCode of a new customer; event: data.referralCode of a purchase',
    ),
  status: z.enum(REFERRAL_STATUSES),
  reason: z
    .string()
    .nullable()
    .describe(
      'why it was refused (unknown_code, self_referral, same_email, same_phone, same_payment, existing_customer, already_bought, already_referred, cap_reached) or voided (refunded)',
    ),
  claimedAt: z.date(),
  purchaseAt: z.date().nullable().describe('the referred customer’s first purchase, the one attributed'),
  qualifiesAt: z.date().nullable(),
  rewardedAt: z.date().nullable(),
  referrerPoints: z.int().nullable(),
  referredPoints: z.int().nullable(),
});

export const ZCustomerReferralResponseSchema = z.object({
  code: z.string(),
  link: z.string().describe('the public link: records the visit and leads to the company’s site'),
  visits: z.int(),
  referrals: z.array(ZReferralSchema).describe('the referrals the customer made, newest first (at most 100)'),
  referredBy: ZReferralSchema.nullable(),
});

export const ZClaimReferralRequestSchema = z
  .object({
    code: z.string().trim().min(1).max(40),
    customerExternalId: z
      .string()
      .trim()
      .min(1)
      .max(255)
      .refine(
        (v) => !v.startsWith('erased-'),
        'must not start with "erased-" (reserved for erased customers)',
      ),
  })
  .strict();

export const ZReferralListQuery = ZPageQuery.extend({ status: z.enum(REFERRAL_STATUSES).optional() });

export const ZReferralListResponseSchema = z.object({
  items: z.array(ZReferralSchema),
  nextCursor: z.string().nullable(),
  totals: z.object({
    codes: z.int().describe('customers with a code'),
    visits: z.int().describe('visits of referral links'),
    byStatus: z.record(z.string(), z.int()),
  }),
});

export const ZReferralSettingsSchema = z.object({
  qualifyingDays: z.int().min(0).max(3660).describe('days the first purchase must stand, unrefunded'),
  referrerPoints: z.int().min(0).max(1_000_000_000),
  referredPoints: z.int().min(0).max(1_000_000_000),
  capCount: z.int().min(1).max(100_000).describe('rewarded referrals a referrer may have within capDays'),
  capDays: z.int().min(1).max(3660),
  newCustomerDays: z
    .int()
    .min(0)
    .max(3660)
    .describe('a customer known longer than this before naming a code is an existing customer'),
  landingUrl: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .nullable()
    .describe('where a referral link leads after recording the visit (the code is added as ?ref=)'),
});
export const ZUpdateReferralSettingsRequestSchema = ZReferralSettingsSchema.partial().strict();

export const ZCodeParams = z.object({ code: z.string().min(1).max(40) });
export const ZExternalIdParams = z.object({ externalId: z.string().min(1).max(255) });
