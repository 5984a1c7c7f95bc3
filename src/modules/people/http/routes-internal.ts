import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type App, principalOf } from '../../../http/types';
import { pickLocale } from '../../../i18n/locales';
import { AppError } from '../../../lib/errors';
import { internalText } from '../messages';
import {
  answerInternalLink,
  createInternalRound,
  type InternalRating,
  internalMatrix,
  listInternalRounds,
  viewInternalLink,
} from '../use-cases/internal-clients';
import { renderInternalPage } from './internal-page';
import * as S from './schemas-internal';

const FORM = 'application/x-www-form-urlencoded';
const RATE = { max: 30, timeWindow: '1 minute' };

/** Internal clients: rounds of departments rating each other, the matrix, and the answer page. */
export async function internalClientRoutes(app: App) {
  const ctx = app.ctx;
  const orgOf = (req: FastifyRequest) => principalOf(req).orgId;
  const tags = ['people'];
  const baseOf = (req: FastifyRequest) => ctx.config.publicUrl ?? `${req.protocol}://${req.host}`;

  app.post(
    '/api/v1/internal-clients/rounds',
    {
      config: { access: 'people:write' },
      schema: {
        tags,
        summary:
          'Start a round of internal-client ratings: one one-time anonymous link per current employee of each rater department (e-mailed; listed by manager for hand-out when there is no e-mail)',
        body: S.ZCreateInternalRoundRequestSchema,
        response: { 201: S.ZCreateInternalRoundResponseSchema },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await createInternalRound(ctx, orgOf(req), req.body, baseOf(req))),
  );

  app.get(
    '/api/v1/internal-clients/rounds',
    {
      config: { access: 'people:read' },
      schema: {
        tags,
        summary: 'The internal-client rounds, newest first, with how many links were answered',
        response: { 200: S.ZInternalRoundsResponseSchema },
      },
    },
    async (req) => listInternalRounds(ctx, orgOf(req)),
  );

  app.get(
    '/api/v1/internal-clients/matrix',
    {
      config: { access: 'people:read' },
      schema: {
        tags,
        summary:
          "Departments rating each other: NPS and CSAT per pair with n and 95% intervals, each rated department's overall figure and quarterly trend, and the topics of customers' detractor answers it owns; groups under the anonymity threshold, and those that would reveal one, are withheld",
        querystring: S.ZInternalMatrixQuerySchema,
        response: { 200: S.ZInternalMatrixResponseSchema },
      },
    },
    async (req) => internalMatrix(ctx, orgOf(req), req.query),
  );

  app.post(
    '/api/v1/public/internal-clients/:token',
    {
      config: {
        access: 'public',
        rateLimit: RATE,
        problems: { 409: 'the link has already been answered', 410: 'the round has closed' },
      },
      schema: {
        tags,
        summary: 'Answer an internal-client round through its one-time link',
        params: S.ZInternalTokenParams,
        body: S.ZAnswerInternalRequestSchema,
        response: { 201: z.object({ status: z.literal('answered'), rated: z.number().int() }) },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await answerInternalLink(ctx, req.params.token, req.body.ratings)),
  );

  // The answer page reached from the e-mail or the manager: a plain form, no script.
  await app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    if (!scope.hasContentTypeParser(FORM)) {
      scope.addContentTypeParser(FORM, { parseAs: 'string', bodyLimit: 256 * 1024 }, (_req, body, done) => {
        const out: Record<string, string> = {};
        for (const [key, value] of new URLSearchParams(String(body))) out[key] = value;
        done(null, out);
      });
    }
    const page = (reply: FastifyReply, code: number, html: string) =>
      reply.header('cache-control', 'no-store').code(code).type('text/html; charset=utf-8').send(html);
    const ZQuery = z.object({ lang: z.string().max(35).optional() });
    const localeOf = (
      req: { query: { lang?: string }; headers: FastifyRequest['headers'] },
      orgLocale: string | null,
    ) => pickLocale(req.query.lang, req.headers['accept-language'], orgLocale);
    const status = (state: string) => (state === 'invalid' ? 404 : state === 'open' ? 200 : 410);

    scope.get(
      '/internal-clients/answer/:token',
      {
        config: { access: 'public', rateLimit: RATE },
        schema: { hide: true, params: S.ZInternalTokenParams, querystring: ZQuery },
      },
      async (req, reply) => {
        const view = await viewInternalLink(ctx, req.params.token);
        return page(
          reply,
          status(view.state),
          renderInternalPage(view, localeOf(req, view.orgLocale), req.url),
        );
      },
    );

    scope.post(
      '/internal-clients/answer/:token',
      {
        config: { access: 'public', rateLimit: RATE },
        schema: {
          hide: true,
          params: S.ZInternalTokenParams,
          querystring: ZQuery,
          body: z.record(z.string().max(100), z.string().max(5000)),
        },
      },
      async (req, reply) => {
        const view = await viewInternalLink(ctx, req.params.token);
        const locale = localeOf(req, view.orgLocale);
        if (view.state !== 'open')
          return page(reply, status(view.state), renderInternalPage(view, locale, req.url));
        const ratings: InternalRating[] = [];
        for (const d of view.rated) {
          const nps = req.body[`nps.${d.id}`]?.trim() || '';
          const csat = req.body[`csat.${d.id}`]?.trim() || '';
          const comment = req.body[`comment.${d.id}`]?.trim() || null;
          if (!nps && !csat && !comment) continue;
          const npsValue = Number(nps);
          const csatValue = Number(csat);
          if (!/^\d{1,2}$/.test(nps) || npsValue > 10 || !/^[1-5]$/.test(csat)) {
            const message = internalText(locale, 'missingBoth', { dept: d.name });
            return page(reply, 400, renderInternalPage(view, locale, req.url, message));
          }
          ratings.push({
            ratedDepartmentId: d.id,
            nps: npsValue,
            csat: csatValue,
            comment: comment?.slice(0, 2000),
          });
        }
        if (!ratings.length)
          return page(
            reply,
            400,
            renderInternalPage(view, locale, req.url, internalText(locale, 'missingAny')),
          );
        try {
          await answerInternalLink(ctx, req.params.token, ratings);
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          const state = error.code === 'conflict' ? 'used' : error.code === 'gone' ? 'closed' : 'invalid';
          return page(reply, error.status, renderInternalPage({ state, orgLocale: null }, locale, req.url));
        }
        return page(reply, 200, renderInternalPage({ state: 'thanks' }, locale, req.url));
      },
    );
  });
}
