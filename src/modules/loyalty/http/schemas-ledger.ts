/** Request and response schemas of the points ledger: points, adjustments, earn rules, program settings, checks. */
import { z } from 'zod';
import { ZInstantDate } from '../../../http/fields';
import { ZPageQuery } from '../../../http/pagination';
import { EARN_RULE_KINDS, ENTRY_KINDS, EXPIRY_MODES, REFUND_POLICIES } from '../domain/ledger-model';

export const ZPointsParams = z.object({ externalId: z.string().min(1).max(255) });
export const ZRuleIdParams = z.object({ id: z.uuid() });
export const ZPointsQuery = ZPageQuery;

const ZEntry = z.object({
  id: z.uuid(),
  kind: z.enum(ENTRY_KINDS),
  points: z.int().describe('signed: what the entry added to (+) or took from (−) the balance'),
  reason: z.string(),
  source: z.object({
    kind: z.string().describe('event, rule, manual, redemption, referral, expiry…'),
    id: z.string().nullable().describe('the event, redemption, referral… it came from'),
    userId: z.uuid().nullable().describe('the person who made a manual adjustment'),
  }),
  reversesEntryId: z.uuid().nullable().describe('the earn a refund reverses, the spend a restore gives back'),
  occurredAt: z.date(),
  createdAt: z.date(),
});

export const ZPointsResponseSchema = z.object({
  balance: z.int().describe('the sum of the entries; below zero only after a refund of spent points'),
  earnedTotal: z.int().describe('points earned over the account’s life, less refunded earns (tiers read it)'),
  debt: z.int().describe('what refunds took back beyond the points left: later earns pay it off first'),
  tierCode: z.string().nullable(),
  entries: z.array(ZEntry).describe('newest first'),
  nextCursor: z.string().nullable(),
  expiringSoon: z
    .array(z.object({ points: z.int(), expiresAt: z.date(), lockedUntil: z.date().nullable() }))
    .describe('lots with points left that expire, soonest first'),
});

export const ZAdjustmentRequestSchema = z
  .object({
    customerExternalId: z.string().min(1).max(255),
    points: z
      .int()
      .min(-1_000_000_000)
      .max(1_000_000_000)
      .refine((n) => n !== 0, 'must not be zero')
      .describe(
        'positive adds a lot, negative takes points like a spend (409 when the balance does not cover it)',
      ),
    reason: z.string().trim().min(1).max(500),
  })
  .strict();

export const ZAdjustmentResponseSchema = z.object({
  entryId: z.uuid(),
  customerExternalId: z.string(),
  points: z.int(),
  balance: z.int(),
  reason: z.string(),
});

export const ZProgramSchema = z.object({
  active: z.boolean().describe('earning from events runs only while the program is active'),
  expiry: z.enum(EXPIRY_MODES).describe('end of month and year in the organization’s time zone'),
  expiryDays: z.int().min(1).max(3650).nullable().describe('days after earning, for days_after_earning'),
  refundWhenSpent: z
    .enum(REFUND_POLICIES)
    .describe(
      'a refund of points already spent: negative_balance takes the balance below zero by them; forfeit lets them go',
    ),
  rounding: z
    .literal('down_per_event')
    .describe('points of an event are rounded down to a whole point, once'),
});
export const ZProgramPatchSchema = z
  .object({
    active: z.boolean(),
    expiry: z.enum(EXPIRY_MODES),
    expiryDays: z.int().min(1).max(3650).nullable(),
    refundWhenSpent: z.enum(REFUND_POLICIES),
  })
  .partial()
  .strict();

const ruleFields = {
  name: z.string().trim().min(1).max(200),
  active: z.boolean(),
  pointsPerUnit: z
    .number()
    .min(0)
    .max(1_000_000)
    .nullable()
    .describe('amount, category, item: points per major unit of the base currency spent'),
  pointsPerItem: z.int().min(0).max(1_000_000).nullable().describe('category, item: points per unit bought'),
  points: z
    .int()
    .min(0)
    .max(1_000_000)
    .nullable()
    .describe('referral: points per referral; campaign: bonus per purchase'),
  multiplier: z.number().min(0.01).max(100).nullable().describe('tier_multiplier, campaign'),
  match: z.string().trim().min(1).max(200).nullable().describe('category: the category; item: the sku'),
  tierCode: z.string().trim().min(1).max(100).nullable().describe('tier_multiplier: the tier it applies to'),
  validFrom: ZInstantDate.nullable().describe('in force from (inclusive); campaigns need both dates'),
  validTo: ZInstantDate.nullable().describe('in force until (exclusive)'),
};

export const ZCreateEarnRuleRequestSchema = z
  .object({ ...ruleFields, kind: z.enum(EARN_RULE_KINDS) })
  .partial({
    active: true,
    pointsPerUnit: true,
    pointsPerItem: true,
    points: true,
    multiplier: true,
    match: true,
    tierCode: true,
    validFrom: true,
    validTo: true,
  })
  .strict();
export const ZUpdateEarnRuleRequestSchema = z.object(ruleFields).partial().strict();

export const ZEarnRuleSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(EARN_RULE_KINDS),
  active: z.boolean(),
  pointsPerUnit: z.number().nullable(),
  pointsPerItem: z.int().nullable(),
  points: z.int().nullable(),
  multiplier: z.number().nullable(),
  match: z.string().nullable(),
  tierCode: z.string().nullable(),
  validFrom: z.date().nullable(),
  validTo: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

const ZBreak = z.object({
  customerId: z.uuid(),
  balance: z.int(),
  entriesSum: z.int(),
  lotsRemaining: z.int(),
  debt: z.int(),
  badLots: z.int(),
  badEntries: z.int(),
});
export const ZInvariantCheckSchema = z.object({
  lastRun: z
    .object({
      id: z.uuid(),
      ranAt: z.date(),
      accountsChecked: z.int(),
      breakCount: z.int(),
      breaks: z.array(ZBreak),
    })
    .nullable()
    .describe('null before the first nightly run'),
});

export const ZLiabilitySchema = z.object({
  outstanding: z.int().describe('points held by customers: the program’s liability'),
  debt: z.int().describe('points owed back after refunds of spent points'),
  accounts: z.int().describe('customers with a balance'),
  expiring30: z.int().describe('points that expire within 30 days'),
  expiring90: z.int().describe('points that expire within 90 days'),
});
