import type { AppContext } from '../../../http/types';
import { formatDayNumber } from '../../../lib/day-number';
import { insertFit } from '../data/repo-fits';
import { type BuildFitReportOptions, buildFitReport, type FitReport } from '../domain/models/report';
import { summarizePurchases } from '../domain/models/summarize';
import type { TimeUnit } from '../domain/models/types';
import { loadOrgCalendar, resolveHoldoutUntil, resolveUntil } from './org-calendar';
import {
  loadOrgPurchases,
  loadValueSettings,
  type Progress,
  type ScoreOutcome,
  scoreLoaded,
} from './score-values';

export type FitRequest = {
  until?: string;
  timeUnit?: TimeUnit;
  holdoutUntil?: string;
  /** Models to fit (default all three); the benchmark leaves out the slow Pareto/NBD. */
  models?: BuildFitReportOptions['models'];
};
export type FitOutcome = { fitId: number; report: FitReport; scoring: ScoreOutcome | null };

/**
 * Fits the value models on purchases up to `until` (inclusive, the organization's calendar;
 * default today), checks them on the days after it up to `holdoutUntil` (default the latest
 * purchase day, when after `until`), stores the report, then scores every customer as of today.
 */
export async function fitValueModels(
  ctx: AppContext,
  orgId: string,
  request: FitRequest,
  progress?: Progress,
): Promise<FitOutcome> {
  const calendar = await loadOrgCalendar(ctx, orgId);
  const until = resolveUntil(request.until, calendar);
  if (request.holdoutUntil !== undefined)
    resolveHoldoutUntil(request.holdoutUntil, until, undefined, calendar);
  const timeUnit = request.timeUnit ?? 'week';
  progress?.('load');
  const loaded = await loadOrgPurchases(ctx, orgId, calendar);
  progress?.('fit', `${loaded.customerIds.length}`);
  const holdoutUntil = resolveHoldoutUntil(request.holdoutUntil, until, loaded.lastDay, calendar);
  const summary = summarizePurchases(loaded.columns, { until, timeUnit, holdoutUntil });
  const report = buildFitReport(summary, { models: request.models });
  const fitId = await ctx.db.withOrg(orgId, (tx) =>
    insertFit(tx, orgId, { until: formatDayNumber(until), timeUnit, report, fittedAt: ctx.clock.now() }),
  );
  const settings = await loadValueSettings(ctx, orgId);
  const scoring = await scoreLoaded(ctx, orgId, {
    loaded,
    fit: { id: fitId, report },
    settings,
    calendar,
    progress,
  });
  return { fitId, report, scoring };
}
