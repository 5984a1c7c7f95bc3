import type { AppContext } from '../../../http/types';
import { countTopics } from '../data/repo-answers';
import { listAllTopics } from '../data/repo-topics';
import { OPEN_AUDIENCE } from '../domain/dimensions';
import type { MetricKind } from '../domain/metrics/scales';
import { queryMetric } from './query-metric';

/** A customers' score of a period with its 95% interval; no score when nobody answered. */
export type PeriodScore = {
  metric: MetricKind;
  score: number | null;
  n: number;
  ci95: [number, number] | null;
};

/** NPS, CSAT and CES of the customers' answers in [from, to) (instants). */
export async function scoresOfPeriod(ctx: AppContext, orgId: string, period: { from: Date; to: Date }) {
  const scores: PeriodScore[] = [];
  for (const metric of ['nps', 'csat', 'ces'] as const) {
    const { answer } = await queryMetric(ctx, orgId, metric, {
      from: period.from.toISOString(),
      to: period.to.toISOString(),
      audience: OPEN_AUDIENCE,
    });
    scores.push(
      answer.suppressed
        ? { metric, score: null, n: 0, ci95: null }
        : { metric, score: answer.score, n: answer.n, ci95: answer.ci95 },
    );
  }
  return scores;
}

/** The topics detractors (NPS 0–6) mentioned most in [from, to), most mentioned first. */
export function detractorTopicsOfPeriod(
  ctx: AppContext,
  orgId: string,
  period: { from: Date; to: Date },
  limit: number,
) {
  return ctx.db.withOrg(orgId, async (tx) => {
    const topics = await listAllTopics(tx, orgId);
    const rows = await countTopics(tx, orgId, { audience: OPEN_AUDIENCE, from: period.from, to: period.to });
    const mentions = new Map<string, number>();
    for (const r of rows)
      if (r.topic && r.nps !== null && r.nps <= 6) mentions.set(r.topic, (mentions.get(r.topic) ?? 0) + r.n);
    return topics
      .filter((t) => mentions.has(t.id))
      .map((t) => ({ key: t.key, name: t.name, detractors: mentions.get(t.id)! }))
      .sort((a, b) => b.detractors - a.detractors || a.key.localeCompare(b.key))
      .slice(0, limit);
  });
}
