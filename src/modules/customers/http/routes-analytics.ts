import { z } from 'zod';
import { ZPageQuery, zPage } from '../../../http/pagination';
import { type App, principalOf } from '../../../http/types';
import { lifecycleMonths, lifecycleReport } from '../use-cases/lifecycle-report';
import { pageRates, removeRate, saveRates } from '../use-cases/rates';
import { RFM_JOB } from '../use-cases/recompute';
import * as S from './schemas';

/** Lifecycle report and settings, RFM recompute, exchange rates. */
export async function customerAnalyticsRoutes(app: App) {
  const { ctx } = app;

  app.get(
    '/api/v1/analytics/lifecycle',
    {
      config: { access: 'analytics:read' },
      schema: {
        tags: ['analytics'],
        summary:
          'Customers per lifecycle stage now or at the end of a day, and the transitions between stages in a period',
        querystring: S.ZLifecycleQuery,
        response: { 200: S.ZLifecycleResponseSchema },
      },
    },
    async (req) => lifecycleReport(ctx, principalOf(req).orgId, req.query),
  );

  app.get(
    '/api/v1/analytics/lifecycle/months',
    {
      config: { access: 'analytics:read' },
      schema: {
        tags: ['analytics'],
        summary: 'Customers per lifecycle stage at the end of each month, as the stage history tells',
        querystring: S.ZLifecycleMonthsQuery,
        response: { 200: S.ZLifecycleMonthsResponseSchema },
      },
    },
    async (req) => lifecycleMonths(ctx, principalOf(req).orgId, req.query),
  );

  app.post(
    '/api/v1/analytics/rfm/recompute',
    {
      config: { access: 'analytics:run' },
      schema: {
        tags: ['analytics'],
        summary: 'Recompute RFM scores and segments now; answers the job to follow at /api/v1/jobs/{id}',
        response: { 202: S.ZJobStartedSchema },
      },
    },
    async (req, reply) => {
      const jobId = await ctx.jobs.enqueue(RFM_JOB, { orgId: principalOf(req).orgId, maxAttempts: 3 });
      return reply.code(202).send({ jobId: jobId! });
    },
  );

  app.get(
    '/api/v1/exchange-rates',
    {
      config: { access: 'settings:read' },
      schema: { tags: ['settings'], querystring: ZPageQuery, response: { 200: zPage(S.ZRateSchema) } },
    },
    async (req) => pageRates(ctx, principalOf(req).orgId, req.query),
  );

  app.post(
    '/api/v1/exchange-rates',
    {
      config: { access: 'settings:write' },
      schema: {
        tags: ['settings'],
        summary: 'Save exchange rates to the base currency, each valid from a day until the next',
        body: S.ZSaveRatesRequestSchema,
        response: { 200: z.object({ saved: z.int() }) },
      },
    },
    async (req) => saveRates(ctx, principalOf(req).orgId, req.body.rates),
  );

  app.delete(
    '/api/v1/exchange-rates/:currency/:validFrom',
    {
      config: { access: 'settings:write' },
      schema: { tags: ['settings'], params: S.ZRateParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await removeRate(ctx, principalOf(req).orgId, req.params.currency, req.params.validFrom);
      return reply.code(204).send(null);
    },
  );
}
