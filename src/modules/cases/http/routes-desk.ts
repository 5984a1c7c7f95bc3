import { z } from 'zod';
import { ZPageQuery, zPage } from '../../../http/pagination';
import { type App, principalOf } from '../../../http/types';
import { AppError } from '../../../lib/errors';
import { bulkChangeCases } from '../use-cases/bulk-change-cases';
import * as Canned from '../use-cases/canned-replies';
import * as Views from '../use-cases/case-views';
import { listAssignableTeams, listCaseAgents } from '../use-cases/list-agents';
import { ZIdParams } from './schemas';
import * as S from './schemas-desk';

/** The case desk: whom to assign to, bulk actions on the queue, saved views, canned replies. */
export async function caseDeskRoutes(app: App) {
  const ctx = app.ctx;

  app.get(
    '/api/v1/case-agents',
    {
      config: { access: 'cases:read' },
      schema: {
        tags: ['cases'],
        summary: 'The users a case may be assigned to (roles that handle cases), with their names and teams',
        querystring: ZPageQuery,
        response: { 200: zPage(S.ZAgentSchema) },
      },
    },
    async (req) => listCaseAgents(ctx, principalOf(req).orgId, req.query),
  );

  app.get(
    '/api/v1/case-desk/teams',
    {
      config: { access: 'cases:read' },
      schema: {
        tags: ['cases'],
        summary: 'The teams a case may be assigned to, by name (their settings are under /case-teams)',
        querystring: ZPageQuery,
        response: { 200: zPage(S.ZTeamNameSchema) },
      },
    },
    async (req) => listAssignableTeams(ctx, principalOf(req).orgId, req.query),
  );

  app.post(
    '/api/v1/cases/bulk',
    {
      config: { access: 'cases:write' },
      schema: {
        tags: ['cases'],
        summary: 'Assign or close many cases in one transaction; cases already as asked are left unchanged',
        body: S.ZBulkCasesRequestSchema,
        response: { 200: S.ZBulkCasesResponseSchema },
      },
    },
    async (req) => {
      const p = principalOf(req);
      return bulkChangeCases(ctx, p.orgId, req.body, p.userId ?? null);
    },
  );

  const viewOwner = (req: Parameters<typeof principalOf>[0], writes = true) => {
    const p = principalOf(req);
    // A key saves views of the whole organization: that takes a key that may change cases.
    if (!p.userId && writes && !p.permissions.has('cases:write'))
      throw new AppError('forbidden', 'a key saves shared views only with the write scope');
    return { orgId: p.orgId, userId: p.userId ?? null };
  };

  app.get(
    '/api/v1/case-views',
    {
      config: { access: 'cases:read' },
      schema: {
        tags: ['cases'],
        summary: "The caller's saved queue views and the shared ones",
        querystring: ZPageQuery,
        response: { 200: zPage(S.ZCaseViewSchema) },
      },
    },
    async (req) => {
      const { orgId, userId } = viewOwner(req, false);
      return Views.listCaseViews(ctx, orgId, userId, req.query);
    },
  );

  app.post(
    '/api/v1/case-views',
    {
      config: { access: 'cases:read' },
      schema: {
        tags: ['cases'],
        summary: 'Save the queue filters under a name (the same name again replaces them)',
        body: S.ZCreateCaseViewRequestSchema,
        response: { 201: S.ZCaseViewSchema },
      },
    },
    async (req, reply) => {
      const { orgId, userId } = viewOwner(req);
      return reply.code(201).send(await Views.saveCaseView(ctx, orgId, userId, req.body));
    },
  );

  app.patch(
    '/api/v1/case-views/:id',
    {
      config: { access: 'cases:read' },
      schema: {
        tags: ['cases'],
        summary: 'Rename a saved view, change its filters or share it',
        params: ZIdParams,
        body: S.ZUpdateCaseViewRequestSchema,
        response: { 200: S.ZCaseViewSchema },
      },
    },
    async (req) => {
      const { orgId, userId } = viewOwner(req);
      return Views.changeCaseView(ctx, orgId, userId, req.params.id, req.body);
    },
  );

  app.delete(
    '/api/v1/case-views/:id',
    {
      config: { access: 'cases:read' },
      schema: {
        tags: ['cases'],
        summary: 'Delete a saved view',
        params: ZIdParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      const { orgId, userId } = viewOwner(req);
      await Views.removeCaseView(ctx, orgId, userId, req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/canned-replies',
    {
      config: { access: 'cases:read' },
      schema: {
        tags: ['cases'],
        summary: 'Canned replies, each in the languages it was written in',
        querystring: ZPageQuery,
        response: { 200: zPage(S.ZCannedReplySchema) },
      },
    },
    async (req) => Canned.listCannedReplies(ctx, principalOf(req).orgId, req.query),
  );

  app.post(
    '/api/v1/canned-replies',
    {
      config: { access: 'settings:write' },
      schema: {
        tags: ['cases'],
        summary: 'Add a canned reply',
        body: S.ZCreateCannedReplyRequestSchema,
        response: { 201: S.ZCannedReplySchema },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await Canned.createCannedReply(ctx, principalOf(req).orgId, req.body)),
  );

  app.patch(
    '/api/v1/canned-replies/:id',
    {
      config: { access: 'settings:write' },
      schema: {
        tags: ['cases'],
        summary: 'Rename a canned reply or change its texts',
        params: ZIdParams,
        body: S.ZUpdateCannedReplyRequestSchema,
        response: { 200: S.ZCannedReplySchema },
      },
    },
    async (req) => Canned.changeCannedReply(ctx, principalOf(req).orgId, req.params.id, req.body),
  );

  app.delete(
    '/api/v1/canned-replies/:id',
    {
      config: { access: 'settings:write' },
      schema: {
        tags: ['cases'],
        summary: 'Delete a canned reply',
        params: ZIdParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await Canned.removeCannedReply(ctx, principalOf(req).orgId, req.params.id);
      return reply.code(204).send(null);
    },
  );
}
