import type { AppContext } from '../../../http/types';
import { AppError, invalid } from '../../../lib/errors';
import { queryMetric, SMALL_SAMPLE_THRESHOLD } from '../../feedback/api';
import { missingSurveys } from '../../surveys/api';
import { listLocationsWithTargets, MAX_BOARD_LOCATIONS } from '../data/repo-locations';
import { boardOrder, rankLocations, type TargetStatus, targetStatus } from '../domain/leaderboard';

export type LeaderboardQuery = {
  metric: 'nps' | 'csat' | 'ces';
  from?: string;
  to?: string;
  surveyId?: string;
};

/**
 * The locations side by side on one metric: score, interval, answers, target and whether it is
 * met, and the rank range each may claim (the rule: domain/leaderboard.ts). Without a survey,
 * customers' answers only: staff surveys are not the locations' customers. Figures under the
 * anonymity threshold are withheld as on the metric endpoints.
 */
export async function locationLeaderboard(ctx: AppContext, orgId: string, q: LeaderboardQuery) {
  const { locations, missing } = await ctx.db.withOrg(orgId, async (tx) => ({
    locations: await listLocationsWithTargets(tx, orgId),
    missing: q.surveyId ? await missingSurveys(tx, orgId, [q.surveyId]) : [],
  }));
  if (missing.length) throw invalid('query.surveyId', 'no survey of the organization has this id');
  if (locations.length > MAX_BOARD_LOCATIONS)
    throw new AppError('validation', `the organization has more than ${MAX_BOARD_LOCATIONS} locations`);
  const { answer } = await queryMetric(ctx, orgId, q.metric, {
    from: q.from,
    to: q.to,
    surveyId: q.surveyId,
    audience: q.surveyId ? undefined : 'customers',
    groupBy: 'location',
  });
  const groups = new Map(answer.suppressed ? [] : answer.groups.map((g) => [g.key, g]));
  const withheldAll = answer.suppressed;
  const withheldSome = !answer.suppressed && answer.withheldGroups > 0;
  const entries = locations.map((l) => {
    const g = groups.get(l.id);
    return {
      id: l.id,
      code: l.code,
      name: l.name,
      city: l.city,
      active: l.active,
      score: g?.score ?? null,
      n: g?.n ?? 0,
      ci95: g?.ci95 ?? null,
      // Without figures while some groups are withheld, a location may be among them.
      withheld: withheldAll || (!g && withheldSome),
      target: l.targets[q.metric] ?? null,
    };
  });
  const ranks = rankLocations(entries, SMALL_SAMPLE_THRESHOLD);
  const rows = boardOrder(
    entries.map((e) => ({
      ...e,
      ...ranks.get(e.id)!,
      targetStatus: targetStatus(e.score, e.ci95, e.target) as TargetStatus | null,
    })),
  );
  const overall = answer.suppressed ? null : { score: answer.score, n: answer.n, ci95: answer.ci95 };
  return {
    metric: q.metric,
    minN: SMALL_SAMPLE_THRESHOLD,
    anonymityThreshold: answer.anonymityThreshold,
    overall,
    unlocated: answer.suppressed ? null : (groups.get(null)?.n ?? 0),
    items: rows,
  };
}
