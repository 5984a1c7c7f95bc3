import { z } from 'zod';
import { ZPageQuery, zPage } from '../../../http/pagination';
import { type App, principalOf } from '../../../http/types';
import { readPerkWorth, refreshPerkWorth } from '../use-cases/assess-perk';
import * as U from '../use-cases/perks';
import * as S from './schemas-perks';

/** Perks and whether each is worth its cost: the catalogue, and each perk's assessment per period. */
export async function perkRoutes(app: App) {
  const ctx = app.ctx;
  const tags = ['loyalty perks'];
  const orgOf = (req: Parameters<typeof principalOf>[0]) => principalOf(req).orgId;

  app.get(
    '/api/v1/loyalty/perks',
    {
      config: { access: 'loyalty:read' },
      schema: {
        tags,
        summary: 'Perks by code, each with its newest verdict',
        querystring: ZPageQuery,
        response: { 200: zPage(S.ZPerkSchema) },
      },
    },
    async (req) => U.listPerks(ctx, orgOf(req), req.query),
  );
  app.post(
    '/api/v1/loyalty/perks',
    {
      config: { access: 'loyalty:write', problems: { 409: 'a perk with the code exists' } },
      schema: {
        tags,
        summary:
          'Define a perk: where its grants come from and what one costs (grants already recorded count)',
        body: S.ZCreatePerkRequestSchema,
        response: { 201: S.ZPerkSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await U.createPerk(ctx, orgOf(req), req.body)),
  );
  app.get(
    '/api/v1/loyalty/perks/:id',
    {
      config: { access: 'loyalty:read' },
      schema: { tags, params: S.ZPerkIdParams, response: { 200: S.ZPerkSchema } },
    },
    async (req) => U.getPerk(ctx, orgOf(req), req.params.id),
  );
  app.patch(
    '/api/v1/loyalty/perks/:id',
    {
      config: { access: 'loyalty:write', problems: { 409: 'another perk has the code' } },
      schema: {
        tags,
        params: S.ZPerkIdParams,
        body: S.ZUpdatePerkRequestSchema,
        response: { 200: S.ZPerkSchema },
      },
    },
    async (req) => U.changePerk(ctx, orgOf(req), req.params.id, req.body),
  );
  app.delete(
    '/api/v1/loyalty/perks/:id',
    {
      config: { access: 'loyalty:write' },
      schema: { tags, params: S.ZPerkIdParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await U.removePerk(ctx, orgOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/api/v1/loyalty/perks/:id/worth',
    {
      config: { access: 'loyalty:read' },
      schema: {
        tags,
        summary:
          'Is the perk worth it over a period: matched customers who got it against those who did not, the difference in differences of retention, purchases and revenue with 95% intervals, net of its cost, and the verdict. Computed by a job and kept: the first request answers status pending.',
        params: S.ZPerkIdParams,
        querystring: S.ZWorthQuery,
        response: { 200: S.ZPerkWorthSchema },
      },
    },
    async (req) => readPerkWorth(ctx, orgOf(req), req.params.id, req.query),
  );
  app.post(
    '/api/v1/loyalty/perks/:id/worth',
    {
      config: { access: 'loyalty:write' },
      schema: {
        tags,
        summary: 'Assess the perk over the period again (the kept answer stays until the new one is ready)',
        params: S.ZPerkIdParams,
        body: S.ZRefreshWorthRequestSchema,
        response: { 202: S.ZPerkWorthSchema },
      },
    },
    async (req, reply) =>
      reply.code(202).send(await refreshPerkWorth(ctx, orgOf(req), req.params.id, req.body)),
  );
}
