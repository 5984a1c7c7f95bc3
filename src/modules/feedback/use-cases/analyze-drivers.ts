import type { AppContext } from '../../../http/types';
import { findLocationNames } from '../../people/api';
import { isTooFew, withholdSmallGroups } from '../domain/anonymity';
import { type Dimension, OPEN_AUDIENCE } from '../domain/dimensions';
import { totalOf } from '../domain/group-counts';
import { computeDrivers, type Driver } from '../domain/metrics/drivers';
import { computeMetric } from '../domain/metrics/metric';
import type { MetricKind } from '../domain/metrics/scales';
import { parsePeriod } from '../domain/period';
import { loadOrgAnalytics } from './org-analytics';
import { type FeedbackFilters, filtersOf, loadGroups } from './query-metric';

export type DriversQuery = FeedbackFilters & {
  metric: MetricKind;
  by: Dimension;
  from?: string;
  to?: string;
};

export type DriversAnswer = {
  metric: MetricKind;
  by: Dimension;
  suppressed: boolean;
  score: number | null;
  n: number | null;
  /** A location's item also carries the location's name. */
  items: (Omit<Driver, 'key'> & { key: string | null; name?: string | null })[];
  withheldGroups: number;
  anonymityThreshold: number;
};

/**
 * For each touchpoint, segment or other breakdown: its share of the answers, its own score and
 * how far it lifts or drags the overall score; the ones that drag most come first.
 */
export async function analyzeDrivers(
  ctx: AppContext,
  orgId: string,
  q: DriversQuery,
): Promise<DriversAnswer> {
  const { org, groups, staff, names } = await ctx.db.withOrg(orgId, async (tx) => {
    const org = await loadOrgAnalytics(ctx, tx, orgId);
    const period = parsePeriod(q, org.timeZone);
    const load = (filters: FeedbackFilters) =>
      loadGroups(tx, orgId, org, { metric: q.metric, period, filters: filtersOf(filters), groupBy: q.by });
    const { groups } = await load(q);
    const names =
      q.by === 'location'
        ? await findLocationNames(
            tx,
            orgId,
            groups.map((g) => g.key),
          )
        : undefined;
    // Staff answers are broken down only in the eNPS report: a staff survey or audience is withheld
    // whole here, and a mix leaves them out.
    if (totalOf(q.metric, groups).protectedN === 0) return { org, groups, staff: false, names };
    if (q.audience !== undefined || q.surveyId !== undefined) return { org, groups, staff: true, names };
    return { org, groups: (await load({ ...q, audience: OPEN_AUDIENCE })).groups, staff: false, names };
  });
  const total = totalOf(q.metric, groups);
  const base = { metric: q.metric, by: q.by };
  if (staff || isTooFew(total.protectedN, org.anonymityThreshold)) {
    return {
      ...base,
      suppressed: true,
      score: null,
      n: null,
      items: [],
      withheldGroups: 0,
      anonymityThreshold: org.anonymityThreshold,
    };
  }
  const { shown, withheld } = withholdSmallGroups(groups, org.anonymityThreshold);
  const overall = computeMetric(q.metric, total.counts);
  const items = computeDrivers(q.metric, shown, total.counts)
    .map((d) => ({
      ...d,
      key: d.key === '' ? null : d.key,
      ...(names && { name: names.get(d.key) ?? null }),
    }))
    .sort((a, b) => (a.impact ?? Number.POSITIVE_INFINITY) - (b.impact ?? Number.POSITIVE_INFINITY));
  return {
    ...base,
    suppressed: false,
    score: overall.score,
    n: overall.n,
    items,
    withheldGroups: withheld,
    anonymityThreshold: org.anonymityThreshold,
  };
}
