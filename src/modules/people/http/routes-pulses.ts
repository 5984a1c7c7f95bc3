import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type App, principalOf } from '../../../http/types';
import { enpsReport } from '../use-cases/enps-report';
import {
  answerPulse,
  getPulseSettings,
  listPulseRounds,
  sendPulse,
  tryAnswerPulse,
  updatePulseSettings,
  viewPulseLink,
} from '../use-cases/pulses';
import { renderPulsePage } from './pulse-page';
import { ZIdParams } from './schemas';
import * as S from './schemas-pulses';

const FORM = 'application/x-www-form-urlencoded';
const RATE = { max: 30, timeWindow: '1 minute' };

/** eNPS pulses: sending one-time links, the survey's anonymity settings, the report and the answer page. */
export async function pulseRoutes(app: App) {
  const ctx = app.ctx;
  const orgOf = (req: FastifyRequest) => principalOf(req).orgId;
  const read = { access: 'people:read' as const };
  const write = { access: 'people:write' as const };
  const tags = ['people'];
  const baseOf = (req: FastifyRequest) => ctx.config.publicUrl ?? `${req.protocol}://${req.host}`;

  app.post(
    '/api/v1/surveys/:id/pulses',
    {
      config: {
        ...write,
        problems: {
          409: 'not an active employees survey with an NPS question',
          422: 'no current employee matches',
        },
      },
      schema: {
        tags,
        summary:
          'Send an eNPS pulse: a one-time anonymous link to every current employee within the filters (e-mailed; listed for hand-out when there is no e-mail)',
        params: ZIdParams,
        body: S.ZSendPulseRequestSchema,
        response: { 201: S.ZSendPulseResponseSchema },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await sendPulse(ctx, orgOf(req), req.params.id, req.body, baseOf(req))),
  );

  app.get(
    '/api/v1/surveys/:id/pulses',
    {
      config: { ...read, problems: { 409: 'not an employees survey' } },
      schema: {
        tags,
        summary: 'The pulse rounds sent for a survey, with how many links were answered',
        params: ZIdParams,
        response: { 200: S.ZPulseRoundsResponseSchema },
      },
    },
    async (req) => listPulseRounds(ctx, orgOf(req), req.params.id),
  );

  app.get(
    '/api/v1/surveys/:id/pulse-settings',
    {
      config: { ...read, problems: { 409: 'not an employees survey' } },
      schema: { tags, params: ZIdParams, response: { 200: S.ZPulseSettingsSchema } },
    },
    async (req) => getPulseSettings(ctx, orgOf(req), req.params.id),
  );

  app.patch(
    '/api/v1/surveys/:id/pulse-settings',
    {
      config: {
        ...write,
        problems: {
          409: 'the anonymity settings are locked once the survey has answers, or not an employees survey',
        },
      },
      schema: {
        tags,
        summary:
          "A survey's anonymity threshold and breakdowns (locked with its first answer) and its pulse schedule",
        params: ZIdParams,
        body: S.ZUpdatePulseSettingsRequestSchema,
        response: { 200: S.ZPulseSettingsSchema },
      },
    },
    async (req) => updatePulseSettings(ctx, orgOf(req), req.params.id, req.body),
  );

  app.get(
    '/api/v1/surveys/:id/enps',
    {
      config: { ...read, problems: { 409: 'a customers survey' } },
      schema: {
        tags,
        summary:
          'eNPS with its interval, trend, breakdowns and comments; groups under the anonymity threshold, and those that would reveal one, are hidden',
        params: ZIdParams,
        response: { 200: S.ZEnpsReportSchema },
      },
    },
    async (req) => enpsReport(ctx, orgOf(req), req.params.id),
  );

  app.get(
    '/api/v1/public/pulses/:token',
    {
      config: {
        access: 'public',
        rateLimit: RATE,
        problems: {
          409: 'the link was answered already, or the survey is closed',
          410: 'the link has expired',
        },
      },
      schema: { tags, params: S.ZPulseTokenParams, response: { 200: S.ZPulseLinkSchema } },
    },
    async (req) => {
      const { locale: _, ...view } = await viewPulseLink(ctx, req.params.token);
      return view;
    },
  );

  app.post(
    '/api/v1/public/pulses/:token',
    {
      config: {
        access: 'public',
        rateLimit: RATE,
        problems: {
          409: 'the link was answered already, or the survey is closed',
          410: 'the link has expired',
        },
      },
      schema: {
        tags,
        summary: 'Answer a pulse through its one-time link',
        params: S.ZPulseTokenParams,
        body: S.ZAnswerPulseRequestSchema,
        response: { 201: S.ZAnswerPulseResponseSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await answerPulse(ctx, req.params.token, req.body.answers)),
  );

  // The answer page reached from the e-mail: a plain form, no script.
  await app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    if (!scope.hasContentTypeParser(FORM)) {
      scope.addContentTypeParser(FORM, { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, body, done) => {
        const params = new URLSearchParams(String(body));
        const out: Record<string, string | string[]> = {};
        for (const key of new Set(params.keys())) {
          const all = params.getAll(key);
          out[key] = all.length > 1 ? all : all[0]!;
        }
        done(null, out);
      });
    }
    const page = (reply: FastifyReply, code: number, html: string) =>
      reply.header('cache-control', 'no-store').code(code).type('text/html; charset=utf-8').send(html);
    const ZParams = S.ZPulseTokenParams;

    scope.get(
      '/pulse/:token',
      { config: { access: 'public', rateLimit: RATE }, schema: { hide: true, params: ZParams } },
      async (req, reply) => {
        const view = await viewPulseLink(ctx, req.params.token);
        return page(reply, view.state === 'unknown' ? 404 : 200, renderPulsePage(view, req.url));
      },
    );

    scope.post(
      '/pulse/:token',
      {
        config: { access: 'public', rateLimit: RATE },
        schema: {
          hide: true,
          params: ZParams,
          body: z.record(
            z.string().max(100),
            z.union([z.string().max(5000), z.array(z.string().max(200)).max(50)]),
          ),
        },
      },
      async (req, reply) => {
        const view = await viewPulseLink(ctx, req.params.token);
        if (view.state !== 'open')
          return page(reply, view.state === 'unknown' ? 404 : 409, renderPulsePage(view, req.url));
        const outcome = await tryAnswerPulse(ctx, req.params.token, req.body);
        if (outcome.status === 'invalid')
          return page(
            reply,
            400,
            renderPulsePage(view, req.url, { answers: req.body, errors: outcome.errors }),
          );
        return page(reply, 200, renderPulsePage({ state: 'thanks', locale: view.locale }, req.url));
      },
    );
  });
}
