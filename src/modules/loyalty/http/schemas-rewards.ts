/** Request and response schemas of rewards and redemptions. */
import { z } from 'zod';
import { ZInstantDate } from '../../../http/fields';
import { ZPageQuery } from '../../../http/pagination';
import { LIMIT_PERIODS, REDEMPTION_STATUSES } from '../domain/rewards';

export const ZRewardIdParams = z.object({ id: z.uuid() });

const rewardFields = {
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000).nullable(),
  pointsCost: z.int().min(1).max(1e12),
  stock: z.int().min(0).max(1e9).nullable().describe('what is left to redeem; null: unlimited'),
  perCustomerLimit: z
    .int()
    .min(1)
    .max(1e6)
    .nullable()
    .describe('redemptions one customer may make per period; null: no limit'),
  limitPeriod: z
    .enum(LIMIT_PERIODS)
    .describe('the period of perCustomerLimit, in the organization’s time zone (weeks from Monday)'),
  activeFrom: ZInstantDate.nullable(),
  activeTo: ZInstantDate.nullable(),
  active: z.boolean(),
};

export const ZCreateRewardRequestSchema = z
  .object({
    ...rewardFields,
    description: rewardFields.description.default(null),
    stock: rewardFields.stock.default(null),
    perCustomerLimit: rewardFields.perCustomerLimit.default(null),
    limitPeriod: rewardFields.limitPeriod.default('month'),
    activeFrom: rewardFields.activeFrom.default(null),
    activeTo: rewardFields.activeTo.default(null),
    active: rewardFields.active.default(true),
  })
  .strict();
export const ZUpdateRewardRequestSchema = z.object(rewardFields).partial().strict();

export const ZRewardSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  pointsCost: z.int(),
  stock: z.int().nullable(),
  perCustomerLimit: z.int().nullable(),
  limitPeriod: z.enum(LIMIT_PERIODS),
  activeFrom: z.date().nullable(),
  activeTo: z.date().nullable(),
  active: z.boolean(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const ZRewardListQuery = ZPageQuery.extend({
  active: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

export const ZRedeemRequestSchema = z
  .object({
    customerExternalId: z.string().trim().min(1).max(200),
    points: z.int().min(1).max(1e12).optional().describe('required without a reward; with one, its cost'),
    rewardId: z.uuid().optional(),
  })
  .strict();

export const ZCancelRedemptionRequestSchema = z
  .object({ reason: z.string().trim().max(500).nullable().default(null) })
  .strict();

export const ZRedemptionSchema = z.object({
  id: z.uuid(),
  customerExternalId: z.string(),
  rewardId: z.uuid().nullable(),
  rewardName: z.string().nullable(),
  points: z.int(),
  status: z.enum(REDEMPTION_STATUSES),
  spendEntryId: z.uuid(),
  restoreEntryId: z.uuid().nullable(),
  redeemedAt: z.date(),
  cancelledAt: z.date().nullable(),
  cancelReason: z.string().nullable(),
  balance: z.int().optional().describe('the balance after the redemption (or its cancellation)'),
});

export const ZRedemptionListQuery = ZPageQuery.extend({
  customerExternalId: z.string().min(1).max(200).optional(),
  rewardId: z.uuid().optional(),
  status: z.enum(REDEMPTION_STATUSES).optional(),
});
