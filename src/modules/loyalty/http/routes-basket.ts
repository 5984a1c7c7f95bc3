import { ZPageQuery, zPage } from '../../../http/pagination';
import { type App, principalOf } from '../../../http/types';
import * as U from '../use-cases/basket-rules';
import * as S from './schemas-basket';

/** Basket rules: the stored rules (best lift bound first), mining on request, and the mining runs. */
export async function basketRoutes(app: App) {
  const ctx = app.ctx;
  const tags = ['loyalty'];

  app.get(
    '/api/v1/loyalty/basket-rules',
    {
      config: { access: 'loyalty:read' },
      schema: {
        tags,
        summary: 'Association rules between items, best lower bound of lift first',
        querystring: S.ZListBasketRulesQuery,
        response: { 200: zPage(S.ZBasketRuleSchema) },
      },
    },
    async (req) => U.listBasketRules(ctx, principalOf(req).orgId, req.query),
  );
  app.post(
    '/api/v1/loyalty/basket-rules/mine',
    {
      config: { access: 'loyalty:write' },
      schema: {
        tags,
        summary: 'Mine the rules again from purchases’ items; answers the run and the job to follow',
        response: { 202: S.ZMineBasketRulesResponseSchema },
      },
    },
    async (req, reply) => {
      const principal = principalOf(req);
      return reply.code(202).send(await U.requestMining(ctx, principal.orgId, principal.userId));
    },
  );
  app.get(
    '/api/v1/loyalty/basket-rules/runs',
    {
      config: { access: 'loyalty:read' },
      schema: {
        tags,
        summary: 'Mining runs of the basket rules, newest first',
        querystring: ZPageQuery,
        response: { 200: zPage(S.ZBasketRunSchema) },
      },
    },
    async (req) => U.listBasketRuns(ctx, principalOf(req).orgId, req.query),
  );
}
