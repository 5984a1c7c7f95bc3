import { csvExportAnswer, exportContext, sendCsvExport, ZExportQuery } from '../../../http/csv-export';
import { type App, principalOf } from '../../../http/types';
import { valueExportHeader, valueExportRows } from '../use-cases/export-values';
import { FIT_JOB } from '../use-cases/jobs';
import { loadOrgCalendar, resolveHoldoutUntil, resolveUntil } from '../use-cases/org-calendar';
import { getDistribution, getLatestReport, listCustomerValues } from '../use-cases/read-values';
import * as S from './schemas';

/** Customer value: fits (as jobs), the report, scored customers, their distribution, settings. */
export async function valueRoutes(app: App) {
  const { ctx } = app;

  app.post(
    '/api/v1/analytics/value/fit',
    {
      config: { access: 'analytics:run' },
      schema: {
        tags: ['analytics'],
        summary: 'Fit the customer-value models and rescore customers, as a job',
        description:
          "`until` is the calibration end: a calendar date, inclusive, in the organization's time zone " +
          '(default today). The days after it up to `holdoutUntil` (default the latest purchase day) are the holdout ' +
          'check. Follow the job at `statusUrl`.',
        body: S.ZFitRequestSchema,
        response: { 202: S.ZFitStartedResponseSchema },
      },
    },
    async (req, reply) => {
      const { orgId } = principalOf(req);
      // Checked now, so a date in the future is a 400 here rather than a failed job later.
      const calendar = await loadOrgCalendar(ctx, orgId);
      const until = resolveUntil(req.body.until, calendar, 'body.until');
      const { holdoutUntil } = req.body;
      if (holdoutUntil) resolveHoldoutUntil(holdoutUntil, until, undefined, calendar, 'body.holdoutUntil');
      const payload = { until: req.body.until, timeUnit: req.body.timeUnit ?? 'week', holdoutUntil };
      const jobId = (await ctx.jobs.enqueue(FIT_JOB, { orgId, payload, maxAttempts: 3 }))!;
      const statusUrl = `/api/v1/jobs/${jobId}`;
      return reply.code(202).header('location', statusUrl).send({ jobId, status: 'queued', statusUrl });
    },
  );

  app.get(
    '/api/v1/analytics/value',
    {
      config: { access: 'analytics:read', problems: { 404: 'no value fit yet' } },
      schema: {
        tags: ['analytics'],
        summary: 'The latest fit report: parameters, standard errors, log-likelihoods, holdout check',
        response: { 200: S.ZValueReportResponseSchema },
      },
    },
    async (req) => getLatestReport(ctx, principalOf(req).orgId),
  );

  app.get(
    '/api/v1/analytics/value/customers',
    {
      config: { access: 'analytics:read' },
      schema: {
        tags: ['analytics'],
        summary: 'Scored customers: lifetime value, probability alive, cost to serve, profitability, tier',
        querystring: S.ZListValuesQuery,
        response: { 200: S.ZListValuesResponseSchema },
      },
    },
    async (req) => listCustomerValues(ctx, principalOf(req).orgId, req.query),
  );

  app.get(
    '/api/v1/exports/customer-values',
    {
      config: { access: 'analytics:read' },
      schema: {
        tags: ['analytics'],
        summary: 'Export the scored customers as CSV, in a language’s words and formats',
        querystring: S.ZListValuesQuery.omit({ limit: true, cursor: true }).extend(ZExportQuery.shape),
        response: { 200: csvExportAnswer('The scored customers') },
      },
    },
    async (req, reply) => {
      const { locale, ...query } = req.query;
      const principal = principalOf(req);
      const x = await exportContext(ctx, principal, locale);
      return sendCsvExport(reply, {
        filename: 'customer-values',
        delimiter: x.formats.delimiter,
        header: valueExportHeader(x),
        rows: valueExportRows(ctx, principal.orgId, query, x),
      });
    },
  );

  app.get(
    '/api/v1/analytics/value/distribution',
    {
      config: { access: 'analytics:read' },
      schema: {
        tags: ['analytics'],
        summary: 'Lifetime value histogram and customers per service tier',
        querystring: S.ZDistributionQuery,
        response: { 200: S.ZDistributionResponseSchema },
      },
    },
    async (req) => getDistribution(ctx, principalOf(req).orgId, req.query.bins),
  );
}
