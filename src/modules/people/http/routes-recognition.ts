import { zPage } from '../../../http/pagination';
import { type App, principalOf } from '../../../http/types';
import * as U from '../use-cases/recognition';
import * as S from './schemas-recognition';

/** Recognition: customers' praise for staff, per person, team and location; a manager confirms the unclear. */
export async function recognitionRoutes(app: App) {
  const ctx = app.ctx;
  const tags = ['recognition'];
  app.get(
    '/api/v1/recognition',
    {
      config: { access: 'people:read' },
      schema: {
        tags,
        summary:
          "Customers' praise, newest first: of a person, team or location, the caller's own, or waiting for a manager",
        querystring: S.ZFeedQuery,
        response: { 200: zPage(S.ZPraiseSchema) },
      },
    },
    async (req) => {
      const p = principalOf(req);
      return U.recognitionFeed(ctx, p.orgId, p.userId ?? null, req.query);
    },
  );
  app.post(
    '/api/v1/recognition/:id/confirm',
    {
      config: { access: 'people:write' },
      schema: {
        tags,
        summary: 'Name who waiting praise is for: it reaches them and their managers',
        params: S.ZPraiseIdParams,
        body: S.ZConfirmPraiseRequestSchema,
        response: { 200: S.ZPraiseSchema },
      },
    },
    async (req) => {
      const p = principalOf(req);
      return U.confirmPraise(ctx, p.orgId, req.params.id, req.body.employeeIds, p.userId ?? null);
    },
  );
  app.post(
    '/api/v1/recognition/:id/dismiss',
    {
      config: { access: 'people:write' },
      schema: {
        tags,
        summary: 'Waiting praise that is for nobody in particular',
        params: S.ZPraiseIdParams,
        response: { 200: S.ZPraiseSchema },
      },
    },
    async (req) => {
      const p = principalOf(req);
      return U.dismissPraise(ctx, p.orgId, req.params.id, p.userId ?? null);
    },
  );
}
