import type { AppContext } from '../../../http/types';
import { invalid } from '../../../lib/errors';
import { countByStage, countTransitions } from '../data/repo-lifecycle';
import { STAGES, type Stage } from '../domain/stages';

const DAY_MS = 86_400_000;

const zeros = () => Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;

/** Customers per stage now, and the moves between stages in [from, to] as a list and a from × to matrix. */
export function lifecycleReport(ctx: AppContext, orgId: string, period: { from?: string; to?: string }) {
  const to = period.to ? new Date(period.to) : ctx.clock.now();
  const from = period.from ? new Date(period.from) : new Date(to.getTime() - 30 * DAY_MS);
  if (from > to) throw invalid('query.from', 'must not be after to');
  return ctx.db.withOrg(orgId, async (tx) => {
    const counts = zeros();
    for (const row of await countByStage(tx, orgId)) counts[row.stage as Stage] = Number(row.count);
    const transitions = (await countTransitions(tx, orgId, from, to)).map((t) => ({
      from: t.from as Stage,
      to: t.to as Stage,
      count: Number(t.count),
    }));
    const matrix = Object.fromEntries(STAGES.map((s) => [s, zeros()])) as Record<
      Stage,
      Record<Stage, number>
    >;
    for (const t of transitions) matrix[t.from][t.to] = t.count;
    return { from, to, counts, transitions, matrix };
  });
}
