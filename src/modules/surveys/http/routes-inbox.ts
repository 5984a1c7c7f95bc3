import { type App, principalOf } from '../../../http/types';
import { listInboxPage } from '../use-cases/list-inbox';
import { putResponsesInCases } from '../use-cases/put-responses-in-cases';
import * as S from './schemas-inbox';

/** The feedback inbox: every survey's responses in one list. */
export async function inboxRoutes(app: App) {
  const { ctx } = app;
  app.get(
    '/api/v1/responses',
    {
      config: { access: 'surveys:read' },
      schema: {
        tags: ['surveys'],
        summary: 'Every survey’s responses in one list, newest first, with filters, comment search and sorts',
        querystring: S.ZInboxQuery,
        response: { 200: S.ZInboxPageSchema },
      },
    },
    async (req) => listInboxPage(ctx, principalOf(req).orgId, req.query),
  );

  app.post(
    '/api/v1/responses/cases',
    {
      config: { access: 'cases:write' },
      schema: {
        tags: ['surveys'],
        summary: "Put responses into cases: each joins its customer's open case or opens one",
        body: S.ZResponsesToCasesRequestSchema,
        response: { 200: S.ZResponsesToCasesResponseSchema },
      },
    },
    async (req) => {
      const principal = principalOf(req);
      return putResponsesInCases(ctx, principal.orgId, req.body.responseIds, principal.userId ?? null);
    },
  );
}
