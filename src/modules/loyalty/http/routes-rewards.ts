import { z } from 'zod';
import { zPage } from '../../../http/pagination';
import { type App, principalOf } from '../../../http/types';
import * as R from '../use-cases/redemptions';
import * as U from '../use-cases/rewards';
import * as S from './schemas-rewards';

/** Rewards and redemptions: the catalogue, redeeming points (idempotent, never overdrawn) and cancelling. */
export async function rewardRoutes(app: App) {
  const ctx = app.ctx;
  const tags = ['loyalty'];
  const orgOf = (req: Parameters<typeof principalOf>[0]) => principalOf(req).orgId;

  app.get(
    '/api/v1/loyalty/rewards',
    {
      config: { access: 'loyalty:read' },
      schema: {
        tags,
        summary: 'The rewards catalogue in the order it was built',
        querystring: S.ZRewardListQuery,
        response: { 200: zPage(S.ZRewardSchema) },
      },
    },
    async (req) => U.listRewards(ctx, orgOf(req), req.query),
  );
  app.post(
    '/api/v1/loyalty/rewards',
    {
      config: { access: 'loyalty:write' },
      schema: { tags, body: S.ZCreateRewardRequestSchema, response: { 201: S.ZRewardSchema } },
    },
    async (req, reply) => reply.code(201).send(await U.createReward(ctx, orgOf(req), req.body)),
  );
  app.get(
    '/api/v1/loyalty/rewards/:id',
    {
      config: { access: 'loyalty:read' },
      schema: { tags, params: S.ZRewardIdParams, response: { 200: S.ZRewardSchema } },
    },
    async (req) => U.findRewardView(ctx, orgOf(req), req.params.id),
  );
  app.patch(
    '/api/v1/loyalty/rewards/:id',
    {
      config: { access: 'loyalty:write' },
      schema: {
        tags,
        params: S.ZRewardIdParams,
        body: S.ZUpdateRewardRequestSchema,
        response: { 200: S.ZRewardSchema },
      },
    },
    async (req) => U.changeReward(ctx, orgOf(req), req.params.id, req.body),
  );
  app.delete(
    '/api/v1/loyalty/rewards/:id',
    {
      config: {
        access: 'loyalty:write',
        problems: { 409: 'the reward has redemptions: switch it off instead' },
      },
      schema: { tags, params: S.ZRewardIdParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await U.removeReward(ctx, orgOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/loyalty/redemptions',
    {
      config: {
        access: 'loyalty:write',
        problems: {
          409: 'insufficient_points: the balance does not cover the points; out_of_stock, limit_reached, reward_inactive: the reward refuses',
        },
      },
      schema: {
        tags,
        summary:
          'Redeem points, for a reward or alone: 201, or 409 naming why (insufficient_points, out_of_stock, limit_reached, reward_inactive). Never overdraws; a retry with the same Idempotency-Key redeems once',
        body: S.ZRedeemRequestSchema,
        response: { 201: S.ZRedemptionSchema },
      },
    },
    async (req, reply) => {
      const p = principalOf(req);
      return reply.code(201).send(
        await R.redeem(ctx, p.orgId, req.body, {
          idempotencyKey: req.idempotencyKey,
          userId: p.userId ?? null,
        }),
      );
    },
  );
  app.get(
    '/api/v1/loyalty/redemptions',
    {
      config: { access: 'loyalty:read' },
      schema: {
        tags,
        summary: 'Redemptions newest first: of a customer, of a reward, of a status, or all',
        querystring: S.ZRedemptionListQuery,
        response: { 200: zPage(S.ZRedemptionSchema) },
      },
    },
    async (req) => R.listRedemptions(ctx, orgOf(req), req.query),
  );
  app.get(
    '/api/v1/loyalty/redemptions/:id',
    {
      config: { access: 'loyalty:read' },
      schema: { tags, params: S.ZRewardIdParams, response: { 200: S.ZRedemptionSchema } },
    },
    async (req) => R.findRedemptionView(ctx, orgOf(req), req.params.id),
  );
  app.post(
    '/api/v1/loyalty/redemptions/:id/cancel',
    {
      config: { access: 'loyalty:write' },
      schema: {
        tags,
        summary:
          'Cancel a redemption: its points come back as a new entry and the reward’s stock returns; cancelling again answers it as it is',
        params: S.ZRewardIdParams,
        body: S.ZCancelRedemptionRequestSchema.nullish(),
        response: { 200: S.ZRedemptionSchema },
      },
    },
    async (req) => {
      const p = principalOf(req);
      return R.cancelRedemption(ctx, p.orgId, req.params.id, req.body ?? { reason: null }, p.userId ?? null);
    },
  );
}
