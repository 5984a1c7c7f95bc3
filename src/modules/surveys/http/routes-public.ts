import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { App } from '../../../http/types';
import { notFound } from '../../../lib/errors';
import { submitPublicResponse } from '../use-cases/submit-public';
import { widgetConfig } from '../use-cases/widget-config';
import { allowAnyOrigin } from './cors';
import { PUBLIC_LIMITS } from './limits';
import * as S from './schemas';

/** Unauthenticated JSON endpoints: the widget and any client answering a survey. */
export async function publicRoutes(app: App) {
  await app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    allowAnyOrigin(scope, ['/api/v1/public/responses', '/api/v1/public/widget/:publicId']);

    scope.get(
      '/api/v1/public/widget/:publicId',
      {
        config: { access: 'public', rateLimit: PUBLIC_LIMITS.pagesPerIpPerMinute },
        schema: {
          tags: ['public'],
          summary: "The widget's question for this visitor, or {show: false}",
          security: [],
          params: S.ZWidgetParams,
          querystring: S.ZWidgetQuery,
          response: { 200: S.ZWidgetConfigSchema },
        },
      },
      async (req, reply) => {
        const config = await widgetConfig(app.ctx, req.params.publicId, {
          ...req.query,
          acceptLanguage: req.headers['accept-language'],
        });
        if (!config) throw notFound('survey');
        reply.header('cache-control', 'no-store');
        return config;
      },
    );

    scope.post(
      '/api/v1/public/responses',
      {
        bodyLimit: PUBLIC_LIMITS.bodyLimitBytes,
        config: {
          access: 'public',
          rateLimit: PUBLIC_LIMITS.responsesPerIpPerMinute,
          problems: {
            404: 'no survey answers to the public id or token',
            409: 'the personal link was answered already, the survey takes no answers, or the nonce is taken',
            410: 'the personal link has expired',
          },
        },
        schema: {
          tags: ['public'],
          summary: 'Answer a survey by its public id or a personal token',
          security: [],
          body: S.ZPublicResponseRequestSchema,
          response: { 200: S.ZPublicResponseResponseSchema, 201: S.ZPublicResponseResponseSchema },
        },
      },
      async (req, reply) => {
        const result = await submitPublicResponse(app.ctx, req.body, req.headers['accept-language']);
        return reply.code(result.status === 'discarded' || result.duplicate ? 200 : 201).send(result);
      },
    );
  });
}
