import { z } from 'zod';
import { ZPageQuery, zPage } from '../../../http/pagination';
import { type App, principalOf } from '../../../http/types';
import { lastLedgerCheck } from '../use-cases/expiry';
import { adjustPoints, customerPoints, pointsLiability } from '../use-cases/points';
import * as P from '../use-cases/program';
import * as S from './schemas-ledger';

/** The points ledger: a customer's points, manual adjustments, earn rules, liability and the invariant check. */
export async function ledgerRoutes(app: App) {
  const ctx = app.ctx;
  const tags = ['loyalty'];
  const orgOf = (req: Parameters<typeof principalOf>[0]) => principalOf(req).orgId;

  app.get(
    '/api/v1/customers/:externalId/points',
    {
      config: { access: 'loyalty:read' },
      schema: {
        tags,
        summary: "The customer's balance, entries newest first (paged) and the lots expiring next",
        params: S.ZPointsParams,
        querystring: S.ZPointsQuery,
        response: { 200: S.ZPointsResponseSchema },
      },
    },
    async (req) => customerPoints(ctx, orgOf(req), req.params.externalId, req.query),
  );
  app.post(
    '/api/v1/loyalty/adjustments',
    {
      config: {
        access: 'loyalty:write',
        problems: { 409: 'a negative adjustment the balance does not cover' },
      },
      schema: {
        tags,
        summary: 'Add or take points by hand, with a reason; the entry names the user',
        body: S.ZAdjustmentRequestSchema,
        response: { 201: S.ZAdjustmentResponseSchema },
      },
    },
    async (req, reply) => {
      const p = principalOf(req);
      return reply.code(201).send(await adjustPoints(ctx, p.orgId, req.body, p.userId ?? null));
    },
  );
  app.get(
    '/api/v1/loyalty/liability',
    {
      config: { access: 'loyalty:read' },
      schema: {
        tags,
        summary: 'Points outstanding (the liability) and those expiring within 30 and 90 days',
        response: { 200: S.ZLiabilitySchema },
      },
    },
    async (req) => pointsLiability(ctx, orgOf(req)),
  );
  app.get(
    '/api/v1/loyalty/invariant-check',
    {
      config: { access: 'loyalty:read' },
      schema: {
        tags,
        summary:
          'The last nightly check of the ledger: balance = Σ entries = Σ lots left − debt, no lot below zero',
        response: { 200: S.ZInvariantCheckSchema },
      },
    },
    async (req) => ({ lastRun: await lastLedgerCheck(ctx, orgOf(req)) }),
  );

  app.get(
    '/api/v1/loyalty/earn-rules',
    {
      config: { access: 'loyalty:read' },
      schema: {
        tags,
        summary: 'Earn rules, in creation order',
        querystring: ZPageQuery,
        response: { 200: zPage(S.ZEarnRuleSchema) },
      },
    },
    async (req) => P.listEarnRules(ctx, orgOf(req), req.query),
  );
  app.post(
    '/api/v1/loyalty/earn-rules',
    {
      config: { access: 'loyalty:write' },
      schema: { tags, body: S.ZCreateEarnRuleRequestSchema, response: { 201: S.ZEarnRuleSchema } },
    },
    async (req, reply) => reply.code(201).send(await P.createEarnRule(ctx, orgOf(req), req.body)),
  );
  app.get(
    '/api/v1/loyalty/earn-rules/:id',
    {
      config: { access: 'loyalty:read' },
      schema: { tags, params: S.ZRuleIdParams, response: { 200: S.ZEarnRuleSchema } },
    },
    async (req) => P.getEarnRule(ctx, orgOf(req), req.params.id),
  );
  app.patch(
    '/api/v1/loyalty/earn-rules/:id',
    {
      config: { access: 'loyalty:write' },
      schema: {
        tags,
        params: S.ZRuleIdParams,
        body: S.ZUpdateEarnRuleRequestSchema,
        response: { 200: S.ZEarnRuleSchema },
      },
    },
    async (req) => P.changeEarnRule(ctx, orgOf(req), req.params.id, req.body),
  );
  app.delete(
    '/api/v1/loyalty/earn-rules/:id',
    {
      config: { access: 'loyalty:write' },
      schema: { tags, params: S.ZRuleIdParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await P.removeEarnRule(ctx, orgOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );
}
