import { csvExportAnswer, exportContext, sendCsvExport, ZExportQuery } from '../../../http/csv-export';
import { mediaOf } from '../../../http/openapi';
import { pageOf, ZPageQuery } from '../../../http/pagination';
import { type App, principalOf } from '../../../http/types';
import { positionAfter } from '../domain/cursor';
import { createPersonalLink } from '../use-cases/create-link';
import { responseExportHeader, responseExportRows, surveyQuestions } from '../use-cases/export-responses';
import { importResponses } from '../use-cases/import-responses';
import { inviteCustomers } from '../use-cases/invite';
import { listInvitations } from '../use-cases/list-invitations';
import { listResponses } from '../use-cases/list-responses';
import { qrPng, qrSvg, qrTarget } from '../use-cases/qr';
import { widgetSetup } from '../use-cases/settings';
import { createSurvey, getSurvey, listSurveys, updateSurvey } from '../use-cases/surveys';
import { positionOf } from './cursor';
import { publicBaseUrl } from './public-url';
import * as S from './schemas';

/** The authenticated survey API: surveys, responses, invitations, links, QR codes, settings. */
export async function surveyRoutes(app: App) {
  const { ctx } = app;
  const tags = ['surveys'];

  app.post(
    '/api/v1/surveys',
    {
      config: { access: 'surveys:write' },
      schema: {
        tags,
        summary: 'Create a survey (active unless draft is asked)',
        body: S.ZCreateSurveyRequestSchema,
        response: { 201: S.ZSurveySchema },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(await createSurvey(ctx, principalOf(req).orgId, req.body, publicBaseUrl(ctx, req))),
  );

  app.get(
    '/api/v1/surveys',
    {
      config: { access: 'surveys:read' },
      schema: { tags, querystring: S.ZSurveyListQuery, response: { 200: S.ZSurveyPageSchema } },
    },
    async (req) => {
      const { limit, cursor, status, audience } = req.query;
      const rows = await listSurveys(
        ctx,
        principalOf(req).orgId,
        { limit, after: positionOf(cursor), status, audience },
        publicBaseUrl(ctx, req),
      );
      return pageOf(rows, limit, positionAfter);
    },
  );

  app.get(
    '/api/v1/surveys/:id',
    {
      config: { access: 'surveys:read' },
      schema: { tags, params: S.ZSurveyParams, response: { 200: S.ZSurveySchema } },
    },
    async (req) => getSurvey(ctx, principalOf(req).orgId, req.params.id, publicBaseUrl(ctx, req)),
  );

  app.patch(
    '/api/v1/surveys/:id',
    {
      config: { access: 'surveys:write' },
      schema: {
        tags,
        summary: 'Change a survey; new questions on a survey with responses make a new version',
        params: S.ZSurveyParams,
        body: S.ZUpdateSurveyRequestSchema,
        response: { 200: S.ZSurveySchema },
      },
    },
    async (req) =>
      updateSurvey(ctx, principalOf(req).orgId, req.params.id, req.body, publicBaseUrl(ctx, req)),
  );

  app.get(
    '/api/v1/surveys/:id/responses',
    {
      config: {
        access: 'surveys:read',
        problems: { 409: 'a staff survey: its answers are shown only in groups' },
      },
      schema: {
        tags,
        params: S.ZSurveyParams,
        querystring: S.ZResponseListQuery,
        response: { 200: S.ZResponsePageSchema },
      },
    },
    async (req) => {
      const { cursor, ...filters } = req.query;
      return listResponses(ctx, principalOf(req).orgId, req.params.id, {
        ...filters,
        after: positionOf(cursor),
      });
    },
  );

  app.get(
    '/api/v1/surveys/:id/responses/export',
    {
      config: {
        access: 'surveys:read',
        problems: { 409: 'a staff survey: its answers are shown only in groups' },
      },
      schema: {
        tags,
        summary: 'Export the responses of a filter as CSV, newest first, in a language’s words and formats',
        params: S.ZSurveyParams,
        querystring: S.ZResponseListQuery.omit({ limit: true, cursor: true }).extend(ZExportQuery.shape),
        response: { 200: csvExportAnswer('The responses') },
      },
    },
    async (req, reply) => {
      const { locale, ...filters } = req.query;
      const principal = principalOf(req);
      const survey = await surveyQuestions(ctx, principal.orgId, req.params.id);
      const x = await exportContext(ctx, principal, locale);
      return sendCsvExport(reply, {
        filename: 'responses',
        delimiter: x.formats.delimiter,
        header: responseExportHeader(x, survey.questions, survey.defaultLocale),
        rows: responseExportRows(ctx, principal.orgId, req.params.id, filters, survey, x),
      });
    },
  );

  app.post(
    '/api/v1/surveys/:id/responses/batch',
    {
      config: { access: 'surveys:write' },
      schema: {
        tags,
        summary: 'Import past responses: all or nothing; ids already stored are skipped',
        params: S.ZSurveyParams,
        body: S.ZImportResponsesRequestSchema,
        response: { 200: S.ZImportResponsesResponseSchema },
      },
    },
    // Under an Idempotency-Key, rows without an id get ids derived from it: a retry stores nothing twice.
    async (req) =>
      importResponses(ctx, principalOf(req).orgId, req.params.id, req.body, {
        idempotencyKey: req.idempotencyKey,
      }),
  );

  app.post(
    '/api/v1/surveys/:id/invitations',
    {
      config: { access: 'surveys:write' },
      schema: {
        tags,
        summary: 'Invite customers by e-mail; consent, opt-outs and the contact cap decide who is skipped',
        params: S.ZSurveyParams,
        body: S.ZCreateInvitationsRequestSchema,
        response: { 202: S.ZCreateInvitationsResponseSchema },
      },
    },
    async (req, reply) =>
      reply.code(202).send(await inviteCustomers(ctx, principalOf(req).orgId, req.params.id, req.body)),
  );

  app.get(
    '/api/v1/surveys/:id/invitations',
    {
      config: { access: 'surveys:read' },
      schema: {
        tags,
        summary: 'The survey’s invitations, newest first, each with its status',
        params: S.ZSurveyParams,
        querystring: ZPageQuery,
        response: { 200: S.ZInvitationPageSchema },
      },
    },
    async (req) =>
      listInvitations(ctx, principalOf(req).orgId, req.params.id, {
        limit: req.query.limit,
        after: positionOf(req.query.cursor),
      }),
  );

  app.post(
    '/api/v1/surveys/:id/links',
    {
      config: { access: 'surveys:write' },
      schema: {
        tags,
        summary: 'A signed, expiring personal link for one customer',
        params: S.ZSurveyParams,
        body: S.ZCreateLinkRequestSchema,
        response: { 201: S.ZCreateLinkResponseSchema },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(
          await createPersonalLink(
            ctx,
            principalOf(req).orgId,
            req.params.id,
            req.body,
            publicBaseUrl(ctx, req),
          ),
        ),
  );

  for (const format of ['svg', 'png'] as const) {
    app.get(
      `/api/v1/surveys/:id/qr.${format}`,
      {
        config: { access: 'surveys:read' },
        schema: {
          tags,
          summary: `A QR code (${format.toUpperCase()}) opening the survey at a touchpoint`,
          params: S.ZSurveyParams,
          querystring: S.ZQrQuery,
          response: {
            200:
              format === 'svg'
                ? mediaOf('image/svg+xml', 'the QR code as SVG')
                : mediaOf('image/png', 'the QR code as PNG', true),
          },
        },
      },
      async (req, reply) => {
        const url = await qrTarget(
          ctx,
          principalOf(req).orgId,
          req.params.id,
          req.query,
          publicBaseUrl(ctx, req),
        );
        reply.header('cache-control', 'private, max-age=300');
        if (format === 'svg') return reply.type('image/svg+xml').send(await qrSvg(url));
        return reply.type('image/png').send(await qrPng(url, req.query.size));
      },
    );
  }

  app.get(
    '/api/v1/survey-settings/delivery',
    {
      config: { access: 'surveys:read' },
      schema: {
        tags,
        summary: 'Whether e-mail invitations can go out from this server',
        response: { 200: S.ZDeliveryStatusSchema },
      },
    },
    async () => ({ emailConfigured: ctx.mailer.configured }),
  );

  app.get(
    '/api/v1/survey-settings/widget',
    {
      // The widget secret signs customer identities: only those who may change settings see it.
      config: { access: 'settings:write' },
      schema: { tags, response: { 200: S.ZWidgetSetupSchema } },
    },
    async (req) => widgetSetup(ctx, principalOf(req).orgId, publicBaseUrl(ctx, req)),
  );
}
