import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZPageQuery, zPage } from '../../../http/pagination';
import { type App, type AppContext, principalOf } from '../../../http/types';
import { AppError } from '../../../lib/errors';
import { SOCO_SCALE } from '../domain/soco-instrument';
import * as Soco from '../use-cases/soco';
import * as Training from '../use-cases/training';
import { renderRatingPage } from './rating-page';
import { ZIdParams } from './schemas';
import * as S from './schemas-soco';

const FORM = 'application/x-www-form-urlencoded';
const RATE = { max: 30, timeWindow: '1 minute' };
const ZTokenParams = z.object({ token: z.string().min(1).max(400) });
const ZLangQuery = z.object({ lang: z.string().max(20).optional() });

/** The address customers reach the instance at: PUBLIC_URL when set, else the request's. */
const baseUrl = (ctx: AppContext, req: FastifyRequest) =>
  ctx.config.publicUrl ?? `${req.protocol}://${req.host}`;

/** SOCO: the instrument, assessments, results, customers' rating links and their page. */
export async function socoRoutes(app: App) {
  const ctx = app.ctx;
  const tags = ['people'];
  const read = { access: 'people:read' as const };
  const write = { access: 'people:write' as const };

  app.get(
    '/api/v1/soco/instrument',
    {
      config: read,
      schema: {
        tags,
        summary: 'The SOCO instrument of a form (full, short, customer) in one language',
        querystring: S.ZSocoInstrumentQuery,
        response: { 200: S.ZSocoInstrumentSchema },
      },
    },
    async (req) => ({
      form: req.query.form,
      scale: { ...SOCO_SCALE },
      items: Soco.instrumentOf(req.query.form, req.query.lang),
    }),
  );

  app.post(
    '/api/v1/soco/assessments',
    {
      config: read,
      schema: {
        tags,
        summary:
          'Record a SOCO assessment: self (the person’s own user), manager (a manager up the chain, or an admin) or customer (entered by who may change people’s records)',
        body: S.ZSocoAssessmentRequestSchema,
        response: { 201: S.ZSocoAssessmentSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await Soco.takeAssessment(ctx, principalOf(req), req.body)),
  );

  app.get(
    '/api/v1/soco/employees/:id/results',
    {
      config: { ...read, problems: { 404: 'no such employee, or not one whose results you may see' } },
      schema: {
        tags,
        summary:
          'A person’s SOCO results per rater kind and quarter: for the person, their managers up the chain, owners and admins',
        params: ZIdParams,
        response: { 200: S.ZSocoEmployeeResultsSchema },
      },
    },
    async (req) => Soco.employeeResults(ctx, principalOf(req), req.params.id),
  );

  app.get(
    '/api/v1/soco/teams/:id/results',
    {
      config: read,
      schema: {
        tags,
        summary: 'A team’s SOCO results per rater kind and quarter: aggregates of enough people only',
        params: ZIdParams,
        response: { 200: S.ZSocoTeamResultsSchema },
      },
    },
    async (req) => Soco.teamResults(ctx, principalOf(req).orgId, req.params.id),
  );

  app.post(
    '/api/v1/soco/customer-links',
    {
      config: read,
      schema: {
        tags,
        summary:
          'A signed one-use link for a customer to rate the person who served them, after a contact or a resolved case',
        body: S.ZSocoCustomerLinkRequestSchema,
        response: { 201: S.ZSocoCustomerLinkSchema },
      },
    },
    async (req, reply) => {
      const link = await Soco.createCustomerLink(ctx, principalOf(req), req.body);
      return reply.code(201).send({ ...link, url: `${baseUrl(ctx, req)}/rate/${link.token}` });
    },
  );

  await app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    if (!scope.hasContentTypeParser(FORM)) {
      scope.addContentTypeParser(FORM, { parseAs: 'string', bodyLimit: 4096 }, (_req, body, done) =>
        done(null, Object.fromEntries(new URLSearchParams(String(body)))),
      );
    }
    const send = (reply: FastifyReply, state: Soco.RatingPageState, action: string) =>
      reply
        .header('cache-control', 'no-store')
        .code(state.state === 'invalid' ? 404 : 200)
        .type('text/html; charset=utf-8')
        .send(renderRatingPage(state, action));
    scope.get(
      '/rate/:token',
      {
        config: { access: 'public', rateLimit: RATE },
        schema: { hide: true, params: ZTokenParams, querystring: ZLangQuery },
      },
      async (req, reply) =>
        send(
          reply,
          await Soco.ratingPage(ctx, req.params.token, undefined, [
            req.query.lang,
            req.headers['accept-language'],
          ]),
          req.url,
        ),
    );
    scope.post(
      '/rate/:token',
      {
        config: { access: 'public', rateLimit: RATE },
        schema: {
          hide: true,
          params: ZTokenParams,
          querystring: ZLangQuery,
          body: z.record(z.string().max(40), z.string().max(20)),
        },
      },
      async (req, reply) =>
        send(
          reply,
          await Soco.ratingPage(ctx, req.params.token, req.body, [
            req.query.lang,
            req.headers['accept-language'],
          ]),
          req.url,
        ),
    );
  });

  // Training: courses, the courses each job role requires, completions, the matrix and the gaps.
  app.get(
    '/api/v1/training/courses',
    {
      config: read,
      schema: {
        tags,
        summary: 'Training courses',
        querystring: ZPageQuery,
        response: { 200: zPage(S.ZCourseSchema) },
      },
    },
    async (req) => Training.listCourses(ctx, principalOf(req).orgId, req.query),
  );
  app.post(
    '/api/v1/training/courses',
    {
      config: write,
      schema: { tags, body: S.ZCreateCourseRequestSchema, response: { 201: S.ZCourseSchema } },
    },
    async (req, reply) =>
      reply.code(201).send(await Training.createCourse(ctx, principalOf(req).orgId, req.body)),
  );
  app.get(
    '/api/v1/training/courses/:id',
    { config: read, schema: { tags, params: ZIdParams, response: { 200: S.ZCourseSchema } } },
    async (req) => Training.getCourse(ctx, principalOf(req).orgId, req.params.id),
  );
  app.patch(
    '/api/v1/training/courses/:id',
    {
      config: write,
      schema: {
        tags,
        params: ZIdParams,
        body: S.ZUpdateCourseRequestSchema,
        response: { 200: S.ZCourseSchema },
      },
    },
    async (req) => Training.changeCourse(ctx, principalOf(req).orgId, req.params.id, req.body),
  );
  app.delete(
    '/api/v1/training/courses/:id',
    { config: write, schema: { tags, params: ZIdParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await Training.removeCourse(ctx, principalOf(req).orgId, req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/training/requirements',
    {
      config: read,
      schema: {
        tags,
        summary: 'The courses each job role requires (an employee’s jobRole)',
        querystring: ZPageQuery,
        response: { 200: zPage(S.ZRequirementSchema) },
      },
    },
    async (req) => Training.listRequirements(ctx, principalOf(req).orgId, req.query),
  );
  app.post(
    '/api/v1/training/requirements',
    {
      config: write,
      schema: { tags, body: S.ZRequirementRequestSchema, response: { 200: S.ZRequirementSchema } },
    },
    async (req) => Training.requireCourse(ctx, principalOf(req).orgId, req.body.jobRole, req.body.courseId),
  );
  app.delete(
    '/api/v1/training/requirements/:id',
    { config: write, schema: { tags, params: ZIdParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await Training.removeRequirement(ctx, principalOf(req).orgId, req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/training/completions',
    {
      config: read,
      schema: { tags, querystring: S.ZCompletionListQuery, response: { 200: zPage(S.ZCompletionSchema) } },
    },
    async (req) => Training.listCompletions(ctx, principalOf(req).orgId, req.query, req.query.employeeId),
  );
  app.post(
    '/api/v1/training/completions',
    {
      config: write,
      schema: {
        tags,
        summary: 'Record that a person completed a course on a day; it expires after the course’s validity',
        body: S.ZCompletionRequestSchema,
        response: { 201: S.ZCompletionSchema },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await Training.recordCompletion(ctx, principalOf(req).orgId, req.body)),
  );
  app.delete(
    '/api/v1/training/completions/:id',
    { config: write, schema: { tags, params: ZIdParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await Training.removeCompletion(ctx, principalOf(req).orgId, req.params.id);
      return reply.code(204).send(null);
    },
  );
  await app.register(async (scope) => {
    scope.addContentTypeParser(
      'text/csv',
      { parseAs: 'string', bodyLimit: 2 * 1024 * 1024 },
      (_req, body, done) => done(null, body),
    );
    scope.post(
      '/api/v1/training/completions/import',
      {
        config: write,
        schema: {
          tags,
          summary:
            'Import completions (text/csv with the header employeeExternalId,courseId,completedOn); a bad line refuses the file, naming it',
          response: { 200: S.ZCompletionImportSchema },
        },
      },
      async (req) => {
        if (typeof req.body !== 'string')
          throw new AppError('unsupported_media_type', 'content-type: send text/csv');
        return Training.importCompletions(ctx, principalOf(req).orgId, req.body);
      },
    );
  });

  app.get(
    '/api/v1/training/matrix',
    {
      config: read,
      schema: {
        tags,
        summary:
          'The training matrix per team or location: required, done, expired and missing courses, and coverage',
        querystring: S.ZTrainingMatrixQuery,
        response: { 200: S.ZTrainingMatrixSchema },
      },
    },
    async (req) => Training.trainingMatrixOf(ctx, principalOf(req).orgId, req.query.by),
  );
  app.get(
    '/api/v1/training/gaps',
    {
      config: read,
      schema: {
        tags,
        summary:
          'Each person’s required courses that are expired or missing, of a team or location or of everyone',
        querystring: S.ZTrainingGapsQuery,
        response: { 200: S.ZTrainingGapsSchema },
      },
    },
    async (req) => Training.trainingGaps(ctx, principalOf(req).orgId, req.query, req.query),
  );
  app.get(
    '/api/v1/training/employees/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'A person’s required courses with their status today',
        params: ZIdParams,
        response: { 200: S.ZEmployeeTrainingSchema },
      },
    },
    async (req) => Training.employeeTraining(ctx, principalOf(req).orgId, req.params.id),
  );
}
