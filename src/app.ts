import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify from 'fastify';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { registerAuth } from './http/auth';
import { registerCompression } from './http/compression';
import { registerHealth } from './http/health';
import { registerIdempotency } from './http/idempotency';
import { registerMetrics } from './http/metrics';
import { openapiTransform, problemComponent } from './http/openapi';
import { errorHandler } from './http/problem';
import {
  clientErrorHandler,
  frameworkErrors,
  MAX_PARAM_LENGTH,
  notFoundHandler,
} from './http/protocol-errors';
import { RATE_LIMITS, rateLimitKey } from './http/rate-limits';
import { registerSecurityHeaders } from './http/security-headers';
import { settingsRoutes } from './http/settings';
import type { App, AppContext } from './http/types';
import { validatorCompiler } from './http/validation';
import { registerWeb } from './http/web';
import { registerJobRoutes } from './jobs/routes';
import { MODULES } from './modules/registry';

export type BuildOptions = { ctx: AppContext; logger?: boolean };

/** Bodies above this are refused with 413; bulk imports stream through their own parsers. */
export const BODY_LIMIT = 16 * 1024 * 1024;

/** Fastify instance: external plugins → auth, idempotency, metrics → module routes. */
export async function buildApp({ ctx, logger = true }: BuildOptions): Promise<App> {
  const app = Fastify({
    bodyLimit: BODY_LIMIT,
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    // Errors before routing answer problem+json too (src/http/protocol-errors.ts).
    clientErrorHandler,
    frameworkErrors,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    },
    logger: logger
      ? {
          level: ctx.config.logLevel,
          // Route templates, never concrete URLs: paths may carry customer identifiers.
          serializers: {
            req: (req) => ({ method: req.method, route: req.routeOptions?.url, id: req.id }),
          },
          redact: ['req.headers.authorization', 'req.headers.cookie'],
        }
      : false,
    // X-Forwarded-For counts only from the proxies TRUST_PROXY names: anyone can send the header.
    trustProxy: ctx.config.trustProxy,
  }).withTypeProvider<ZodTypeProvider>() as unknown as App;

  app.decorate('ctx', ctx);
  app.decorate('routeList', []);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler(app));
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });

  await registerSecurityHeaders(app, ctx.config.publicUrl);
  await registerCompression(app);
  await app.register(cookie);
  await app.register(rateLimit, {
    global: true,
    ...RATE_LIMITS.default,
    // Its hooks are route hooks, run after the auth hook: the principal is known by then.
    keyGenerator: rateLimitKey,
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Orientir API', version: '1.0.0', description: 'Customer-centricity platform API (v1)' },
      components: {
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer', description: 'API key: ork_…' },
          session: { type: 'apiKey', in: 'cookie', name: 'orientir_session' },
        },
        schemas: { Problem: problemComponent() },
      },
      security: [{ apiKey: [] }, { session: [] }],
    },
    transform: openapiTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerAuth(app);
  registerIdempotency(app);
  registerMetrics(app);
  registerHealth(app);
  registerJobRoutes(app);
  await registerWeb(app);

  for (const mod of MODULES) {
    await mod.routes?.(app);
    for (const section of mod.settings ?? []) await settingsRoutes(app, section);
  }
  return app;
}
