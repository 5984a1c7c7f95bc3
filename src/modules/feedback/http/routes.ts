/** Feedback metrics over HTTP: NPS, CSAT and CES with their intervals, breakdowns, trends and significance. */
import { jsonOrCsv } from '../../../http/openapi';
import type { App } from '../../../http/types';
import { principalOf } from '../../../http/types';
import { pickLocale } from '../../../i18n/locales';
import type { Dimension, GroupBy } from '../domain/dimensions';
import { feedbackText } from '../messages';
import { analyzeDrivers } from '../use-cases/analyze-drivers';
import { queryMetric } from '../use-cases/query-metric';
import { driversCsv, metricCsv } from './metric-csv';
import { sendCsv, wantsCsv } from './respond';
import { textRoutes } from './routes-text';
import { topicRoutes } from './routes-topics';
import * as S from './schemas';

export async function feedbackRoutes(app: App) {
  const ctx = app.ctx;

  // One route per metric: the path names a metric, never an object of some organization.
  for (const metric of S.METRICS) {
    app.get(
      `/api/v1/metrics/${metric}`,
      {
        config: { access: 'analytics:read' },
        schema: {
          tags: ['analytics'],
          summary: `${metric.toUpperCase()} with its 95% interval, a breakdown and an optional comparison`,
          querystring: S.ZMetricQuerySchema,
          response: { 200: jsonOrCsv(S.ZMetricResponseSchema) },
        },
      },
      async (req, reply) => {
        const { orgId } = principalOf(req);
        const q = req.query;
        const { answer, source } = await queryMetric(ctx, orgId, metric, {
          ...q,
          groupBy: q.groupBy as GroupBy,
        });
        reply.header('x-feedback-source', source);
        const locale = pickLocale(req.headers['accept-language']);
        const threshold = answer.anonymityThreshold;
        const withheld = feedbackText(locale, 'withheld', { threshold });
        if (wantsCsv(req, q.format)) return sendCsv(reply, metric, metricCsv(answer, withheld));
        if (answer.suppressed) return { ...answer, message: withheld };
        const count = answer.withheldGroups;
        return count
          ? { ...answer, notice: feedbackText(locale, 'withheldGroups', { count, threshold }) }
          : answer;
      },
    );
  }

  app.get(
    '/api/v1/analytics/drivers',
    {
      config: { access: 'analytics:read' },
      schema: {
        tags: ['analytics'],
        summary: 'Share, score and lift or drag on the overall score of each touchpoint, segment, ...',
        querystring: S.ZDriversQuerySchema,
        response: { 200: jsonOrCsv(S.ZDriversResponseSchema) },
      },
    },
    async (req, reply) => {
      const { orgId } = principalOf(req);
      const answer = await analyzeDrivers(ctx, orgId, { ...req.query, by: req.query.by as Dimension });
      const withheld = answer.suppressed
        ? feedbackText(pickLocale(req.headers['accept-language']), 'withheld', {
            threshold: answer.anonymityThreshold,
          })
        : undefined;
      if (wantsCsv(req, req.query.format)) {
        return sendCsv(reply, `drivers-${answer.by}`, driversCsv(answer, withheld ?? ''));
      }
      return withheld ? { ...answer, message: withheld } : answer;
    },
  );

  await topicRoutes(app);
  await textRoutes(app);
}
