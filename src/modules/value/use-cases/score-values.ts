import type { AppContext } from '../../../http/types';
import { startOfLocalDay } from '../../../lib/local-day';
import { findLatestFit } from '../data/repo-fits';
import { findSettings } from '../data/repo-settings';
import { computeScores, pickTransactionModel } from '../domain/compute-scores';
import type { ScoreOutcome } from '../domain/format-report';
import type { FitReport } from '../domain/models/report';
import { summarizePurchases } from '../domain/models/summarize';
import { DEFAULT_VALUE_SETTINGS, type ValueSettings } from '../domain/value-settings';
import { type LoadedPurchases, loadPurchases, sumByCustomer } from './load-purchases';
import { loadServiceHistory } from './load-service-history';
import { loadOrgCalendar, type OrgCalendar } from './org-calendar';
import { writeScores } from './write-scores';

const DAYS_PER_MONTH = 365.25 / 12;

export type { ScoreOutcome };

export type Progress = (stage: 'load' | 'fit' | 'score' | 'write' | 'lifecycle', detail?: string) => void;

/**
 * Scores every customer with purchases as of today with the fit's parameters: their whole
 * history up to today, not only the calibration period. Null when the fit has no model.
 */
export async function scoreLoaded(
  ctx: AppContext,
  orgId: string,
  o: {
    loaded: LoadedPurchases;
    fit: { id: number; report: FitReport };
    settings: ValueSettings;
    calendar: OrgCalendar;
    progress?: Progress;
  },
): Promise<ScoreOutcome | null> {
  const model = pickTransactionModel(o.fit.report, o.settings.model);
  if (!model || o.loaded.lastDay === undefined) return null;
  const { loaded, calendar } = o;
  o.progress?.('score');
  const summary = summarizePurchases(loaded.columns, {
    until: calendar.today,
    timeUnit: o.fit.report.timeUnit,
  });
  const rowOfCustomer = new Int32Array(loaded.customerIds.length).fill(-1);
  for (let r = 0; r < summary.count; r++) rowOfCustomer[summary.customer[r]] = r;
  const totals = sumByCustomer(loaded);
  const purchasesMinor = Float64Array.from(summary.customer, (c) => totals[c]);
  const customerIds = Array.from(summary.customer, (c) => loaded.customerIds[c]);
  const windowDays = Math.round(o.settings.horizonMonths * DAYS_PER_MONTH);
  const history = await ctx.db.withOrg(orgId, (tx) =>
    loadServiceHistory(ctx, tx, orgId, {
      rowOf: (id) => {
        const c = loaded.indexOf.get(id);
        const r = c === undefined ? -1 : rowOfCustomer[c];
        return r >= 0 ? r : undefined;
      },
      rows: summary.count,
      purchasesMinor,
      window: {
        from: startOfLocalDay(calendar.today + 1 - windowDays, calendar.timeZone),
        before: calendar.endOfToday,
      },
    }),
  );
  const scores = computeScores(summary, model, o.fit.report, o.settings, history);
  o.progress?.('write', `${summary.count}`);
  const written = await writeScores(ctx, orgId, {
    fitId: o.fit.id,
    customerIds,
    scores,
    progress: o.progress,
  });
  const tiers: Record<string, number> = {};
  for (const t of scores.tiers) tiers[t] = (tiers[t] ?? 0) + 1;
  return { model: model.kind, ...written, tiers };
}

export const loadValueSettings = (ctx: AppContext, orgId: string) =>
  ctx.db.withOrg(orgId, async (tx) => (await findSettings(tx, orgId)) ?? DEFAULT_VALUE_SETTINGS);

export const loadOrgPurchases = (ctx: AppContext, orgId: string, calendar: OrgCalendar) =>
  ctx.db.withOrg(orgId, (tx) =>
    loadPurchases(tx, orgId, { timeZone: calendar.timeZone, before: calendar.endOfToday }),
  );

/** Rescoring with the latest fit (settings changed, or new purchases): no refit. */
export async function rescoreValues(ctx: AppContext, orgId: string) {
  const calendar = await loadOrgCalendar(ctx, orgId);
  const fit = await ctx.db.withOrg(orgId, (tx) => findLatestFit(tx, orgId));
  if (!fit) return null;
  const [loaded, settings] = [
    await loadOrgPurchases(ctx, orgId, calendar),
    await loadValueSettings(ctx, orgId),
  ];
  return scoreLoaded(ctx, orgId, { loaded, fit, settings, calendar });
}
