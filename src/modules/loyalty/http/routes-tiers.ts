import { z } from 'zod';
import { ZPageQuery, zPage } from '../../../http/pagination';
import { type App, principalOf } from '../../../http/types';
import * as U from '../use-cases/tiers';
import * as S from './schemas-tiers';

/** Tiers of the loyalty program: the ladder with each tier's benefits and members. */
export async function tierRoutes(app: App) {
  const ctx = app.ctx;
  const tags = ['loyalty'];
  const orgOf = (req: Parameters<typeof principalOf>[0]) => principalOf(req).orgId;

  app.get(
    '/api/v1/loyalty/tiers',
    {
      config: { access: 'loyalty:read' },
      schema: {
        tags,
        summary: 'The tiers from the lowest threshold, each with its benefits and how many customers hold it',
        querystring: ZPageQuery,
        response: { 200: zPage(S.ZTierSchema) },
      },
    },
    async (req) => U.listTiers(ctx, orgOf(req), req.query),
  );
  app.post(
    '/api/v1/loyalty/tiers',
    {
      config: { access: 'loyalty:write' },
      schema: {
        tags,
        summary: 'Add a tier (409 naming the code or threshold another tier holds)',
        body: S.ZCreateTierRequestSchema,
        response: { 201: S.ZTierSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await U.createTier(ctx, orgOf(req), req.body)),
  );
  app.get(
    '/api/v1/loyalty/tiers/:id',
    {
      config: { access: 'loyalty:read' },
      schema: { tags, params: S.ZTierIdParams, response: { 200: S.ZTierSchema } },
    },
    async (req) => U.findTierView(ctx, orgOf(req), req.params.id),
  );
  app.patch(
    '/api/v1/loyalty/tiers/:id',
    {
      config: { access: 'loyalty:write' },
      schema: {
        tags,
        summary: 'Change a tier; a new code is carried over to its members',
        params: S.ZTierIdParams,
        body: S.ZUpdateTierRequestSchema,
        response: { 200: S.ZTierSchema },
      },
    },
    async (req) => U.changeTier(ctx, orgOf(req), req.params.id, req.body),
  );
  app.delete(
    '/api/v1/loyalty/tiers/:id',
    {
      config: { access: 'loyalty:write' },
      schema: {
        tags,
        summary: 'Remove a tier; its members take what they qualify for at the next review',
        params: S.ZTierIdParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await U.removeTier(ctx, orgOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );
}
