/** Webhook endpoints over HTTP: create, change, remove, and the log of their deliveries. */
import { z } from 'zod';
import { ZPageQuery, zPage } from '../../../http/pagination';
import { type App, principalOf } from '../../../http/types';
import * as service from '../use-cases/endpoints';
import * as S from './schemas';

export async function webhookRoutes(app: App) {
  const ctx = app.ctx;
  const orgOf = (req: Parameters<typeof principalOf>[0]) => principalOf(req).orgId;
  const read = { access: 'settings:read' as const };
  const write = { access: 'settings:write' as const };
  const tags = ['webhooks'];

  app.get(
    '/api/v1/webhooks',
    {
      config: read,
      schema: {
        tags,
        querystring: ZPageQuery,
        response: { 200: zPage(S.ZWebhookSchema) },
      },
    },
    async (req) => service.listWebhooks(ctx, orgOf(req), req.query),
  );
  app.post(
    '/api/v1/webhooks',
    {
      config: write,
      schema: {
        tags,
        summary: 'Add an endpoint; deliveries are signed with the returned secret',
        body: S.ZCreateWebhookRequestSchema,
        response: { 201: S.ZCreateWebhookResponseSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await service.createWebhook(ctx, orgOf(req), req.body)),
  );
  app.get(
    '/api/v1/webhooks/:id',
    { config: read, schema: { tags, params: S.ZIdParams, response: { 200: S.ZWebhookSchema } } },
    async (req) => service.getWebhook(ctx, orgOf(req), req.params.id),
  );
  app.patch(
    '/api/v1/webhooks/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Change an endpoint; enabling it again clears its failure count',
        params: S.ZIdParams,
        body: S.ZUpdateWebhookRequestSchema,
        response: { 200: S.ZWebhookSchema },
      },
    },
    async (req) => service.changeWebhook(ctx, orgOf(req), req.params.id, req.body),
  );
  app.delete(
    '/api/v1/webhooks/:id',
    { config: write, schema: { tags, params: S.ZIdParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await service.removeWebhook(ctx, orgOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/api/v1/webhooks/:id/deliveries',
    {
      config: read,
      schema: {
        tags,
        summary: 'The delivery log of an endpoint, newest first',
        params: S.ZIdParams,
        querystring: S.ZDeliveriesQuery,
        response: { 200: z.object({ items: z.array(S.ZDeliverySchema), nextCursor: z.string().nullable() }) },
      },
    },
    async (req) => service.listWebhookDeliveries(ctx, orgOf(req), req.params.id, req.query),
  );
}
