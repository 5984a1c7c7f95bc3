import { z } from 'zod';
import { ZPageQuery, zPage } from '../../../http/pagination';
import { type App, principalOf } from '../../../http/types';
import * as topics from '../use-cases/topics';
import * as S from './schemas';

/** The organization's topic taxonomy: every change re-tags the stored answers in a job. */
export async function topicRoutes(app: App) {
  const ctx = app.ctx;
  const tags = ['analytics'];

  app.get(
    '/api/v1/analytics/topics',
    {
      config: { access: 'analytics:read' },
      schema: { tags, querystring: ZPageQuery, response: { 200: zPage(S.ZTopicSchema) } },
    },
    async (req) => topics.listTopics(ctx, principalOf(req).orgId, req.query),
  );

  app.post(
    '/api/v1/analytics/topics',
    {
      config: { access: 'analytics:run' },
      schema: { tags, body: S.ZCreateTopicRequestSchema, response: { 201: S.ZTopicSchema } },
    },
    async (req, reply) =>
      reply.code(201).send(await topics.createTopic(ctx, principalOf(req).orgId, req.body)),
  );

  app.get(
    '/api/v1/analytics/topics/:id',
    {
      config: { access: 'analytics:read' },
      schema: { tags, params: S.ZTopicParams, response: { 200: S.ZTopicSchema } },
    },
    async (req) => topics.getTopic(ctx, principalOf(req).orgId, req.params.id),
  );

  app.patch(
    '/api/v1/analytics/topics/:id',
    {
      config: { access: 'analytics:run' },
      schema: {
        tags,
        params: S.ZTopicParams,
        body: S.ZUpdateTopicRequestSchema,
        response: { 200: S.ZTopicSchema },
      },
    },
    async (req) => topics.updateTopic(ctx, principalOf(req).orgId, req.params.id, req.body),
  );

  app.delete(
    '/api/v1/analytics/topics/:id',
    {
      config: { access: 'analytics:run' },
      schema: { tags, params: S.ZTopicParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await topics.deleteTopic(ctx, principalOf(req).orgId, req.params.id);
      return reply.code(204).send(null);
    },
  );
}
