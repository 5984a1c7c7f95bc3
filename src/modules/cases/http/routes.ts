import { z } from 'zod';
import { type App, principalOf } from '../../../http/types';
import { invalid } from '../../../lib/errors';
import { addNote, recordInboundEmail } from '../use-cases/add-note';
import { changeCase } from '../use-cases/change-case';
import { computeLoopMetrics } from '../use-cases/loop-metrics';
import { openCaseByHand } from '../use-cases/open-case';
import type { Reader } from '../use-cases/present-cases';
import { getCaseDetail, listCasePage, presentCase } from '../use-cases/read-cases';
import { caseExportRoutes } from './routes-export';
import * as S from './schemas';

/** The reader's languages, as the client asks for them. */
const readerOf = (req: { headers: Record<string, string | string[] | undefined> }): Reader => {
  const languages = req.headers['accept-language'];
  return { languages: Array.isArray(languages) ? languages.join(',') : languages };
};

export async function caseRoutes(app: App) {
  const ctx = app.ctx;
  await caseExportRoutes(app);

  app.get(
    '/api/v1/cases',
    {
      config: { access: 'cases:read' },
      schema: {
        tags: ['cases'],
        summary: 'Cases, filtered, soonest due first (or newest first with sort=created)',
        querystring: S.ZListCasesQuery,
        response: { 200: z.object({ items: z.array(S.ZCaseSchema), nextCursor: z.string().nullable() }) },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const q = req.query;
      if (q.owner === 'me' && !p.userId)
        throw invalid('query.owner', '"me" needs a user session, not an API key');
      return listCasePage(
        ctx,
        p.orgId,
        {
          status: q.status,
          priority: q.priority,
          ownerId: q.owner === 'me' ? p.userId : q.owner,
          teamId: q.team,
          locationId: q.location,
          customerId: q.customerId,
          breached: q.breached,
          sort: q.sort,
          limit: q.limit,
          cursor: q.cursor,
        },
        readerOf(req),
      );
    },
  );

  app.post(
    '/api/v1/cases',
    {
      config: { access: 'cases:write' },
      schema: {
        tags: ['cases'],
        summary: 'Open a case by hand',
        body: S.ZCreateCaseRequestSchema,
        response: { 201: S.ZCaseSchema },
      },
    },
    async (req, reply) => {
      const p = principalOf(req);
      const c = await openCaseByHand(ctx, p.orgId, req.body, {
        source: p.kind === 'api_key' ? 'api' : 'manual',
        authorId: p.userId ?? null,
      });
      return reply.code(201).send(await presentCase(ctx, p.orgId, c, readerOf(req)));
    },
  );

  app.get(
    '/api/v1/cases/:id',
    {
      config: { access: 'cases:read' },
      schema: {
        tags: ['cases'],
        summary: 'A case with its timeline',
        params: S.ZIdParams,
        response: { 200: S.ZCaseDetailSchema },
      },
    },
    async (req) => getCaseDetail(ctx, principalOf(req).orgId, req.params.id, readerOf(req)),
  );

  app.patch(
    '/api/v1/cases/:id',
    {
      config: { access: 'cases:write' },
      schema: {
        tags: ['cases'],
        summary:
          'Change status (reopened goes back to in_progress), priority, owner, team, root cause, outcome',
        params: S.ZIdParams,
        body: S.ZUpdateCaseRequestSchema,
        response: { 200: S.ZCaseSchema },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const c = await changeCase(ctx, p.orgId, req.params.id, req.body, p.userId ?? null);
      return presentCase(ctx, p.orgId, c, readerOf(req));
    },
  );

  app.post(
    '/api/v1/cases/:id/notes',
    {
      config: {
        access: 'cases:write',
        problems: { 422: 'a reply with no customer e-mail to go to (body.kind names why)' },
      },
      schema: {
        tags: ['cases'],
        summary:
          'Add an internal note, or a reply that is e-mailed to the customer (refused when it cannot reach them)',
        params: S.ZIdParams,
        body: S.ZAddNoteRequestSchema,
        response: { 201: S.ZTimelineEntrySchema },
      },
    },
    async (req, reply) => {
      const p = principalOf(req);
      const entry = await addNote(ctx, p.orgId, req.params.id, req.body, p.userId ?? null);
      return reply.code(201).send(entry);
    },
  );

  app.post(
    '/api/v1/cases/:id/emails',
    {
      config: { access: 'cases:write' },
      schema: {
        tags: ['cases'],
        summary: "Record the customer's e-mail about the case (a mail integration posts it)",
        params: S.ZIdParams,
        body: S.ZInboundEmailRequestSchema,
        response: { 201: S.ZTimelineEntrySchema },
      },
    },
    async (req, reply) => {
      const p = principalOf(req);
      const entry = await recordInboundEmail(ctx, p.orgId, req.params.id, req.body, p.userId ?? null);
      return reply.code(201).send(entry);
    },
  );

  app.get(
    '/api/v1/analytics/loop',
    {
      config: { access: 'analytics:read' },
      schema: {
        tags: ['analytics'],
        summary: 'Closed-loop metrics: close-the-loop rate, medians, SLA compliance, backlog',
        querystring: S.ZLoopQuery,
        response: { 200: S.ZLoopMetricsSchema },
      },
    },
    async (req) =>
      computeLoopMetrics(ctx, principalOf(req).orgId, {
        from: new Date(req.query.from),
        to: new Date(req.query.to),
      }),
  );
}
