import { z } from 'zod';
import { ZPageQuery, zPage } from '../../../http/pagination';
import { type App, principalOf } from '../../../http/types';
import * as U from '../use-cases/goodwill';
import * as S from './schemas-goodwill';

/** Goodwill: budgets per service tier and period, and gestures granted on cases within them. */
export async function goodwillRoutes(app: App) {
  const ctx = app.ctx;
  const tags = ['goodwill'];
  const orgOf = (req: Parameters<typeof principalOf>[0]) => principalOf(req).orgId;

  app.get(
    '/api/v1/goodwill/budgets',
    {
      config: { access: 'cases:read' },
      schema: {
        tags,
        summary: 'Goodwill budgets per service tier, with what was granted in the current period',
        querystring: ZPageQuery,
        response: { 200: zPage(S.ZBudgetSchema) },
      },
    },
    async (req) => U.listBudgets(ctx, orgOf(req), req.query),
  );
  app.post(
    '/api/v1/goodwill/budgets',
    {
      config: { access: 'settings:write' },
      schema: { tags, body: S.ZCreateBudgetRequestSchema, response: { 201: S.ZBudgetSchema } },
    },
    async (req, reply) => reply.code(201).send(await U.createBudget(ctx, orgOf(req), req.body)),
  );
  app.patch(
    '/api/v1/goodwill/budgets/:id',
    {
      config: { access: 'settings:write' },
      schema: {
        tags,
        params: S.ZCaseIdParams,
        body: S.ZUpdateBudgetRequestSchema,
        response: { 200: S.ZBudgetSchema },
      },
    },
    async (req) => U.changeBudget(ctx, orgOf(req), req.params.id, req.body),
  );
  app.delete(
    '/api/v1/goodwill/budgets/:id',
    {
      config: { access: 'settings:write' },
      schema: { tags, params: S.ZCaseIdParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await U.removeBudget(ctx, orgOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/cases/:id/goodwill',
    {
      config: { access: 'cases:write' },
      schema: {
        tags,
        summary:
          "Grant the case's customer a gesture within their tier's budget for the period (409 naming body.amountMinor when it does not fit)",
        params: S.ZCaseIdParams,
        body: S.ZGrantRequestSchema,
        response: { 201: S.ZGrantSchema },
      },
    },
    async (req, reply) => {
      const p = principalOf(req);
      return reply
        .code(201)
        .send(await U.grantGoodwill(ctx, p.orgId, req.params.id, req.body, p.userId ?? null));
    },
  );
  app.get(
    '/api/v1/goodwill/grants',
    {
      config: { access: 'cases:read' },
      schema: {
        tags,
        summary: 'Goodwill granted, newest first: of a case, of a customer, or all',
        querystring: S.ZGrantListQuery,
        response: { 200: zPage(S.ZGrantSchema) },
      },
    },
    async (req) => U.listGrants(ctx, orgOf(req), req.query),
  );
}
