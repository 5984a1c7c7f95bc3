import { z } from 'zod';
import { ZPageQuery, zPage } from '../../../http/pagination';
import { type App, principalOf } from '../../../http/types';
import * as C from '../use-cases/settings';
import * as S from './schemas';

/** Closed-loop configuration: settings and calendar, rules, SLA policies, teams. */
export async function caseSettingsRoutes(app: App) {
  const ctx = app.ctx;
  const orgOf = (req: Parameters<typeof principalOf>[0]) => principalOf(req).orgId;
  const read = { access: 'settings:read' as const };
  const write = { access: 'settings:write' as const };

  app.get(
    '/api/v1/case-rules',
    {
      config: read,
      schema: { tags: ['cases'], querystring: ZPageQuery, response: { 200: zPage(S.ZRuleSchema) } },
    },
    async (req) => C.listRules(ctx, orgOf(req), req.query),
  );
  app.post(
    '/api/v1/case-rules',
    {
      config: write,
      schema: { tags: ['cases'], body: S.ZCreateRuleRequestSchema, response: { 201: S.ZRuleSchema } },
    },
    async (req, reply) => reply.code(201).send(await C.createRule(ctx, orgOf(req), req.body)),
  );
  app.patch(
    '/api/v1/case-rules/:id',
    {
      config: write,
      schema: {
        tags: ['cases'],
        params: S.ZIdParams,
        body: S.ZUpdateRuleRequestSchema,
        response: { 200: S.ZRuleSchema },
      },
    },
    async (req) => C.changeRule(ctx, orgOf(req), req.params.id, req.body),
  );
  app.delete(
    '/api/v1/case-rules/:id',
    { config: write, schema: { tags: ['cases'], params: S.ZIdParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await C.removeRule(ctx, orgOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/sla-policies',
    {
      config: read,
      schema: { tags: ['cases'], querystring: ZPageQuery, response: { 200: zPage(S.ZSlaPolicySchema) } },
    },
    async (req) => C.listSlaPolicies(ctx, orgOf(req), req.query),
  );
  app.post(
    '/api/v1/sla-policies',
    {
      config: write,
      schema: {
        tags: ['cases'],
        summary: 'Targets in business minutes for a service tier and priority',
        body: S.ZCreateSlaPolicyRequestSchema,
        response: { 201: S.ZSlaPolicySchema },
      },
    },
    async (req, reply) => reply.code(201).send(await C.createSlaPolicy(ctx, orgOf(req), req.body)),
  );
  app.patch(
    '/api/v1/sla-policies/:id',
    {
      config: write,
      schema: {
        tags: ['cases'],
        params: S.ZIdParams,
        body: S.ZUpdateSlaPolicyRequestSchema,
        response: { 200: S.ZSlaPolicySchema },
      },
    },
    async (req) => C.changeSlaPolicy(ctx, orgOf(req), req.params.id, req.body),
  );
  app.delete(
    '/api/v1/sla-policies/:id',
    { config: write, schema: { tags: ['cases'], params: S.ZIdParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await C.removeSlaPolicy(ctx, orgOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/case-teams',
    {
      config: read,
      schema: { tags: ['cases'], querystring: ZPageQuery, response: { 200: zPage(S.ZTeamSchema) } },
    },
    async (req) => C.listTeams(ctx, orgOf(req), req.query),
  );
  app.post(
    '/api/v1/case-teams',
    {
      config: write,
      schema: {
        tags: ['cases'],
        summary: "A team's manager and members' open-case capacity; members are users whose team is its name",
        body: S.ZCreateTeamRequestSchema,
        response: { 201: S.ZTeamSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await C.createTeam(ctx, orgOf(req), req.body)),
  );
  app.patch(
    '/api/v1/case-teams/:id',
    {
      config: write,
      schema: {
        tags: ['cases'],
        params: S.ZIdParams,
        body: S.ZUpdateTeamRequestSchema,
        response: { 200: S.ZTeamSchema },
      },
    },
    async (req) => C.changeTeam(ctx, orgOf(req), req.params.id, req.body),
  );
  app.delete(
    '/api/v1/case-teams/:id',
    { config: write, schema: { tags: ['cases'], params: S.ZIdParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await C.removeTeam(ctx, orgOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );
}
