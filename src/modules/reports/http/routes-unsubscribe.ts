import type { FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { App } from '../../../http/types';
import { pickLocale } from '../../../i18n/locales';
import { type UnsubscribeState, unsubscribeByToken } from '../use-cases/unsubscribe';
import { renderUnsubscribePage } from './unsubscribe-page';

const FORM = 'application/x-www-form-urlencoded';
const RATE = { max: 30, timeWindow: '1 minute' };
const ZParams = z.object({ token: z.string().min(1).max(400) });

/**
 * The digest's unsubscribe link, without logging in: GET asks (mail scanners follow links),
 * POST ends the subscription — the page's button, or a mail client's one-click (RFC 8058).
 */
export async function unsubscribeRoutes(app: App) {
  await app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    // The page posts a plain HTML form (and one-click posts "List-Unsubscribe=One-Click").
    if (!scope.hasContentTypeParser(FORM)) {
      scope.addContentTypeParser(FORM, { parseAs: 'string', bodyLimit: 4096 }, (_req, body, done) =>
        done(null, Object.fromEntries(new URLSearchParams(String(body)))),
      );
    }
    const send = (
      reply: FastifyReply,
      state: UnsubscribeState,
      acceptLanguage: string | undefined,
      action: string,
    ) => {
      const locale =
        state.state === 'invalid'
          ? pickLocale(acceptLanguage)
          : pickLocale(state.locale, acceptLanguage, state.orgLocale);
      return reply
        .header('cache-control', 'no-store')
        .code(state.state === 'invalid' ? 404 : 200)
        .type('text/html; charset=utf-8')
        .send(renderUnsubscribePage(state, locale, action));
    };
    for (const method of ['GET', 'POST'] as const) {
      scope.route({
        method,
        url: '/r/:token',
        config: { access: 'public', rateLimit: RATE },
        schema: { hide: true, params: ZParams },
        handler: async (req, reply) => {
          const state = await unsubscribeByToken(app.ctx, req.params.token, method === 'POST');
          return send(reply, state, req.headers['accept-language'], req.url);
        },
      });
    }
  });
}
