import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { mediaOf } from '../../../http/openapi';
import { type App, type AppContext, principalOf } from '../../../http/types';
import { textProblem } from '../../../lib/safe-input';
import { AUDIT_RESULTS, type AuditResult } from '../domain/audit-scoring';
import * as U from '../use-cases/audits';
import { readMultipart } from './multipart';
import * as S from './schemas-audits';
import { renderShopperPage } from './shopper-page';

const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/octet-stream'];
const FORM = 'application/x-www-form-urlencoded';
const MULTIPART = 'multipart/form-data';
const RATE = { max: 30, timeWindow: '1 minute' };

/** The address a shopper reaches the instance at: PUBLIC_URL when set, else the request's. */
const baseUrl = (ctx: AppContext, req: FastifyRequest) =>
  ctx.config.publicUrl ?? `${req.protocol}://${req.host}`;

/** Service audits: checklists, visits, scores, photos and trends; the mystery shopper's page. */
export async function auditRoutes(app: App) {
  const ctx = app.ctx;
  const orgOf = (req: FastifyRequest) => principalOf(req).orgId;
  const read = { access: 'people:read' as const };
  const write = { access: 'people:write' as const };
  const tags = ['people'];

  app.get(
    '/api/v1/audit-checklists',
    {
      config: read,
      schema: {
        tags,
        summary: 'Service audit checklists: items per component (service, aesthetic, ethical) with weights',
        response: { 200: S.ZAuditChecklistListSchema },
      },
    },
    async (req) => U.listAuditChecklists(ctx, orgOf(req)),
  );
  app.post(
    '/api/v1/audit-checklists',
    {
      config: write,
      schema: {
        tags,
        body: S.ZCreateAuditChecklistRequestSchema,
        response: { 201: S.ZAuditChecklistSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await U.createAuditChecklist(ctx, orgOf(req), req.body)),
  );
  app.get(
    '/api/v1/audit-checklists/:id',
    { config: read, schema: { tags, params: S.ZVisitParams, response: { 200: S.ZAuditChecklistSchema } } },
    async (req) => U.getAuditChecklist(ctx, orgOf(req), req.params.id),
  );
  app.patch(
    '/api/v1/audit-checklists/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Changes a checklist; new items raise its version, past visits keep theirs',
        params: S.ZVisitParams,
        body: S.ZUpdateAuditChecklistRequestSchema,
        response: { 200: S.ZAuditChecklistSchema },
      },
    },
    async (req) => U.changeAuditChecklist(ctx, orgOf(req), req.params.id, req.body),
  );
  app.delete(
    '/api/v1/audit-checklists/:id',
    { config: write, schema: { tags, params: S.ZVisitParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await U.removeAuditChecklist(ctx, orgOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/audits',
    {
      config: read,
      schema: {
        tags,
        summary: 'Audit and mystery-shopper visits, newest first, with their scores per component',
        querystring: S.ZAuditVisitListQuery,
        response: {
          200: z.object({ items: z.array(S.ZAuditVisitSchema), nextCursor: z.string().nullable() }),
        },
      },
    },
    async (req) => U.listAuditVisits(ctx, orgOf(req), req.query, req.query),
  );
  app.post(
    '/api/v1/audits',
    {
      config: write,
      schema: {
        tags,
        summary: "Plans a visit by an auditor or a mystery shopper, on the checklist's current items",
        body: S.ZCreateAuditVisitRequestSchema,
        response: { 201: S.ZAuditVisitDetailSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await U.createAuditVisit(ctx, orgOf(req), req.body)),
  );
  app.get(
    '/api/v1/audits/:id',
    { config: read, schema: { tags, params: S.ZVisitParams, response: { 200: S.ZAuditVisitDetailSchema } } },
    async (req) => U.getAuditVisit(ctx, orgOf(req), req.params.id),
  );
  app.delete(
    '/api/v1/audits/:id',
    { config: write, schema: { tags, params: S.ZVisitParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await U.removeAuditVisit(ctx, orgOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/api/v1/audits/:id/submit',
    {
      config: write,
      schema: {
        tags,
        summary:
          'Reports a visit, once: pass, fail or not applicable per item; a failed critical item opens a corrective-action case',
        params: S.ZVisitParams,
        body: S.ZSubmitAuditVisitRequestSchema,
        response: { 200: S.ZAuditVisitDetailSchema },
      },
    },
    async (req) => U.submitAuditVisit(ctx, orgOf(req), req.params.id, req.body.answers),
  );
  app.post(
    '/api/v1/audits/:id/shopper-link',
    {
      config: write,
      schema: {
        tags,
        summary: "A mystery shopper's signed link to this one visit's report page, with its QR code",
        params: S.ZVisitParams,
        body: S.ZShopperLinkRequestSchema,
        response: { 200: S.ZShopperLinkResponseSchema },
      },
    },
    async (req) => U.createShopperLink(ctx, orgOf(req), req.params.id, req.body, baseUrl(ctx, req)),
  );
  app.get(
    '/api/v1/audits/:id/photos/:photoId',
    {
      config: read,
      schema: {
        tags,
        params: S.ZPhotoParams,
        response: {
          200: {
            description: 'the photo',
            content: {
              'image/jpeg': mediaOf('image/jpeg', 'the photo', true).content['image/jpeg'],
              'image/png': mediaOf('image/png', 'the photo', true).content['image/png'],
              'image/webp': mediaOf('image/webp', 'the photo', true).content['image/webp'],
            },
          },
        },
      },
    },
    async (req, reply) => {
      const photo = await U.getAuditPhoto(ctx, orgOf(req), req.params.id, req.params.photoId);
      return reply
        .header('cache-control', 'private, max-age=3600')
        .header('x-content-type-options', 'nosniff')
        .type(photo.contentType)
        .send(photo.data);
    },
  );
  app.get(
    '/api/v1/audit-trends',
    {
      config: read,
      schema: {
        tags,
        summary:
          "Done visits per location and month (the organization's time zone): mean scores and failed visits",
        querystring: S.ZAuditTrendQuery,
        response: { 200: S.ZAuditTrendSchema },
      },
    },
    async (req) => U.auditTrends(ctx, orgOf(req), req.query),
  );

  await app.register(async (scope) => {
    scope.addContentTypeParser(
      IMAGE_TYPES,
      { parseAs: 'buffer', bodyLimit: 5 * 1024 * 1024 },
      (_req, body, done) => done(null, body),
    );
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/v1/audits/:id/photos',
      {
        config: write,
        schema: {
          tags,
          summary:
            'Attaches a photo to a visit (the body: a JPEG, PNG or WebP image up to 5 MB, told by its bytes), optionally to one item',
          params: S.ZVisitParams,
          querystring: S.ZAuditPhotoQuery,
          response: { 201: S.ZAuditPhotoSchema },
        },
      },
      async (req, reply) => {
        const photo = await U.addAuditPhoto(ctx, orgOf(req), req.params.id, {
          bytes: Buffer.isBuffer(req.body) ? req.body : undefined,
          itemId: req.query.itemId,
        });
        return reply.code(201).send(photo);
      },
    );
  });

  await shopperRoutes(app);
}

const ZToken = z.object({ token: z.string().min(1).max(200) });
const ZLang = z.object({ lang: z.string().max(20).optional() });

/** What a posted form says: a result per item, notes and photos; undefined when a text is not acceptable. */
function readForm(fields: { name: string; filename?: string; data: Buffer | string }[]) {
  const answers = new Map<string, U.AuditAnswer>();
  const notes = new Map<string, string>();
  const photos: U.PhotoUpload[] = [];
  for (const f of fields) {
    const [kind, ...rest] = f.name.split('.');
    const itemId = rest.join('.');
    if (!itemId) continue;
    if (kind === 'p') {
      if (f.filename !== undefined && f.data.length > 0)
        photos.push({ bytes: Buffer.isBuffer(f.data) ? f.data : Buffer.from(f.data), itemId });
      continue;
    }
    const text = f.data.toString();
    if (textProblem(text) || textProblem(itemId)) return undefined;
    if (kind === 'r' && (AUDIT_RESULTS as readonly string[]).includes(text))
      answers.set(itemId, { itemId, result: text as AuditResult });
    if (kind === 'n' && text.trim()) notes.set(itemId, text.slice(0, 2000));
  }
  return {
    answers: [...answers.values()].map((a) => ({ ...a, note: notes.get(a.itemId) ?? null })),
    photos,
  };
}

/** The mystery shopper's page: GET shows the visit's checklist, POST (a plain form with photos) reports it. */
async function shopperRoutes(app: App) {
  await app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    scope.addContentTypeParser(FORM, { parseAs: 'string', bodyLimit: 256 * 1024 }, (_req, body, done) =>
      done(
        null,
        [...new URLSearchParams(String(body))].map(([name, data]) => ({ name, data })),
      ),
    );
    scope.addContentTypeParser(
      MULTIPART,
      { parseAs: 'buffer', bodyLimit: 40 * 1024 * 1024 },
      (req, body, done) =>
        done(null, readMultipart(body as Buffer, String(req.headers['content-type'] ?? '')) ?? null),
    );
    const send = (reply: FastifyReply, view: U.ShopperView, action: string, status?: number) =>
      reply
        .header('cache-control', 'no-store')
        .code(status ?? (view.state === 'invalid' ? 404 : 200))
        .type('text/html; charset=utf-8')
        .send(renderShopperPage(view, action));
    const asked = (req: FastifyRequest) => [
      (req.query as { lang?: string }).lang,
      req.headers['accept-language'],
    ];

    scope.get(
      '/m/:token',
      {
        config: { access: 'public', rateLimit: RATE },
        schema: { hide: true, params: ZToken, querystring: ZLang },
      },
      async (req, reply) => send(reply, await U.shopperView(app.ctx, req.params.token, asked(req)), req.url),
    );
    scope.post(
      '/m/:token',
      {
        config: { access: 'public', rateLimit: RATE },
        schema: { hide: true, params: ZToken, querystring: ZLang },
      },
      async (req, reply) => {
        const form = Array.isArray(req.body) ? readForm(req.body) : undefined;
        if (!form) {
          const view = await U.shopperView(app.ctx, req.params.token, asked(req));
          return send(reply, view, req.url, view.state === 'invalid' ? 404 : 400);
        }
        const view = await U.submitShopperReport(
          app.ctx,
          req.params.token,
          form.answers,
          form.photos,
          asked(req),
        );
        const status =
          view.state === 'invalid' ? 404 : view.state === 'ask' ? 400 : view.state === 'done' ? 409 : 200;
        return send(reply, view, req.url, status);
      },
    );
  });
}
