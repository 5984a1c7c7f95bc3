import { z } from 'zod';
import { zPage } from '../../../http/pagination';
import { type App, principalOf } from '../../../http/types';
import { cancelSubscription, listSubscriptions, subscribe } from '../use-cases/subscriptions';
import * as S from './schemas';

const toDto = (s: {
  id: string;
  userId: string;
  frequency: 'weekly' | 'monthly';
  nextSendAt: Date;
  createdAt: Date;
}) => ({
  id: s.id,
  userId: s.userId,
  frequency: s.frequency,
  nextSendAt: s.nextSendAt,
  createdAt: s.createdAt,
});

/** Subscriptions to the e-mail digests: whoever reads the analytics may receive them. */
export async function reportRoutes(app: App) {
  const { ctx } = app;

  app.get(
    '/api/v1/reports/subscriptions',
    {
      config: { access: 'analytics:read' },
      schema: {
        tags: ['reports'],
        summary: 'The digest subscriptions of the caller (or of a user)',
        querystring: S.ZListSubscriptionsQuery,
        response: { 200: zPage(S.ZSubscriptionSchema) },
      },
    },
    async (req) => {
      const page = await listSubscriptions(ctx, principalOf(req), req.query);
      return { items: page.items.map(toDto), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/api/v1/reports/subscriptions',
    {
      config: { access: 'analytics:read' },
      schema: {
        tags: ['reports'],
        summary: 'Subscribe to the weekly or monthly digest e-mail (again: the same subscription, 200)',
        body: S.ZSubscribeRequestSchema,
        response: { 200: S.ZSubscriptionSchema, 201: S.ZSubscriptionSchema },
      },
    },
    async (req, reply) => {
      const { row, created } = await subscribe(ctx, principalOf(req), req.body);
      return reply.code(created ? 201 : 200).send(toDto(row));
    },
  );

  app.delete(
    '/api/v1/reports/subscriptions/:id',
    {
      config: { access: 'analytics:read' },
      schema: { tags: ['reports'], params: S.ZIdParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await cancelSubscription(ctx, principalOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );
}
