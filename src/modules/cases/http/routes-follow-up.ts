import type { FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { App } from '../../../http/types';
import { followUp } from '../use-cases/answer-follow-up';
import { renderFollowUpPage } from './follow-up-page';

const FORM = 'application/x-www-form-urlencoded';
const RATE = { max: 30, timeWindow: '1 minute' };
const ZParams = z.object({ token: z.string().min(1).max(400) });
const ZQuery = z.object({ lang: z.string().max(20).optional() });

/** The public "was your issue solved?" page of a resolved case: GET shows it, POST answers. */
export async function followUpRoutes(app: App) {
  await app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    // The page posts a plain HTML form; the parser lives in this scope only.
    if (!scope.hasContentTypeParser(FORM)) {
      scope.addContentTypeParser(FORM, { parseAs: 'string', bodyLimit: 4096 }, (_req, body, done) =>
        done(null, Object.fromEntries(new URLSearchParams(String(body)))),
      );
    }
    const send = (reply: FastifyReply, state: Awaited<ReturnType<typeof followUp>>, action: string) =>
      reply
        .header('cache-control', 'no-store')
        .code(state.state === 'invalid' ? 404 : 200)
        .type('text/html; charset=utf-8')
        .send(renderFollowUpPage(state.state, state.locale, action));

    scope.get(
      '/c/:token',
      {
        config: { access: 'public', rateLimit: RATE },
        schema: { hide: true, params: ZParams, querystring: ZQuery },
      },
      async (req, reply) => {
        const state = await followUp(app.ctx, req.params.token, undefined, [
          req.query.lang,
          req.headers['accept-language'],
        ]);
        return send(reply, state, req.url);
      },
    );

    scope.post(
      '/c/:token',
      {
        config: { access: 'public', rateLimit: RATE },
        schema: {
          hide: true,
          params: ZParams,
          querystring: ZQuery,
          body: z.object({ answer: z.enum(['yes', 'no']) }),
        },
      },
      async (req, reply) => {
        const state = await followUp(app.ctx, req.params.token, req.body.answer, [
          req.query.lang,
          req.headers['accept-language'],
        ]);
        return send(reply, state, req.url);
      },
    );
  });
}
