import type { AppContext } from '../../../http/types';
import { invalid } from '../../../lib/errors';
import { findOrgLocaleSettings } from '../../orgs/api';
import { countByStage, countTransitions, stageFlowsByMonth } from '../data/repo-lifecycle';
import {
  endOfDay,
  endOfMonth,
  monthOf,
  monthsFrom,
  type StageCounts,
  shiftMonth,
  stageCountsByMonth,
  zeroCounts,
} from '../domain/stage-counts';
import { STAGES, type Stage } from '../domain/stages';

const DAY_MS = 86_400_000;

/**
 * Customers per stage now (or at the end of day `at`, from the stage history), and the moves
 * between stages that happened in [from, to], as a list and a from × to matrix.
 */
export function lifecycleReport(
  ctx: AppContext,
  orgId: string,
  period: { from?: string; to?: string; at?: string },
) {
  const to = period.to ? new Date(period.to) : ctx.clock.now();
  const from = period.from ? new Date(period.from) : new Date(to.getTime() - 30 * DAY_MS);
  if (from > to) throw invalid('query.from', 'must not be after to');
  return ctx.db.withOrg(orgId, async (tx) => {
    let counts: StageCounts;
    if (period.at) {
      const { timeZone } = await findOrgLocaleSettings(tx, orgId);
      const end = endOfDay(period.at, timeZone);
      counts = stageCountsByMonth(await stageFlowsByMonth(tx, orgId, end, timeZone), []).total;
    } else {
      counts = zeroCounts();
      for (const row of await countByStage(tx, orgId)) counts[row.stage as Stage] = Number(row.count);
    }
    const transitions = (await countTransitions(tx, orgId, from, to)).map((t) => ({
      from: t.from as Stage,
      to: t.to as Stage,
      count: Number(t.count),
    }));
    const matrix = Object.fromEntries(STAGES.map((s) => [s, zeroCounts()])) as Record<Stage, StageCounts>;
    for (const t of transitions) matrix[t.from][t.to] = t.count;
    return { from, to, at: period.at ?? null, counts, transitions, matrix };
  });
}

/** Customers per stage at the end of each month from `from` to `to` (YYYY-MM), the current month as of now. */
export function lifecycleMonths(ctx: AppContext, orgId: string, query: { from?: string; to?: string }) {
  return ctx.db.withOrg(orgId, async (tx) => {
    const { timeZone } = await findOrgLocaleSettings(tx, orgId);
    const now = ctx.clock.now();
    const current = monthOf(now, timeZone);
    const to = query.to ?? current;
    const from = query.from ?? shiftMonth(to, -23);
    if (from > to) throw invalid('query.from', 'must not be after to');
    const months = monthsFrom(from, to);
    if (months.length > 120) throw invalid('query.from', 'must be at most 120 months before to');
    // The current month (or a later one) ends now; 9999-12 has no next month to end at.
    const end = to >= current ? now : endOfMonth(to, timeZone);
    const { byMonth } = stageCountsByMonth(await stageFlowsByMonth(tx, orgId, end, timeZone), months);
    return { months: months.map((month) => ({ month, counts: byMonth.get(month) as StageCounts })) };
  });
}
