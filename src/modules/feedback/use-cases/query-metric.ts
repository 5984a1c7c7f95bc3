import type { Executor } from '../../../db/database';
import type { AppContext } from '../../../http/types';
import { findLocationNames } from '../../people/api';
import { type CountSource, countAnswers } from '../data/repo-metrics';
import { isTooFew, withholdSmallGroups } from '../domain/anonymity';
import {
  DAILY_COLUMNS,
  DIMENSION_COLUMNS,
  type DimensionFilter,
  type GroupBy,
  isTimeGrain,
  OPEN_AUDIENCE,
} from '../domain/dimensions';
import { type GroupCounts, groupCounts, totalOf } from '../domain/group-counts';
import { compareMetric, computeMetric } from '../domain/metrics/metric';
import type { MetricKind } from '../domain/metrics/scales';
import type { MetricResult } from '../domain/metrics/types';
import { isDayAligned, type Period, parsePeriod, previousPeriod } from '../domain/period';
import { loadOrgAnalytics, type OrgAnalytics } from './org-analytics';

/** Filters of every feedback query, by their API names. */
export type FeedbackFilters = {
  surveyId?: string;
  touchpoint?: string;
  channel?: string;
  locale?: string;
  stage?: string;
  segment?: string;
  tier?: string;
  team?: string;
  audience?: string;
  location?: string;
};

const FILTER_COLUMNS: Record<keyof FeedbackFilters, DimensionFilter['column']> = {
  surveyId: 'survey_id',
  touchpoint: 'touchpoint',
  channel: 'channel',
  locale: 'locale',
  stage: 'stage',
  segment: 'segment',
  tier: 'tier',
  team: 'team',
  audience: 'audience',
  location: 'location',
};

/**
 * True when a query would show employee or internal answers otherwise than as one all-time figure:
 * broken down, filtered beyond survey and audience, or over a period. Those answers are broken
 * down only in the eNPS report, where suppression holds across all its breakdowns at once and no
 * difference of two figures (a team from its department, one period from another) reveals a group
 * under the threshold.
 */
export function breaksDownProtected(q: MetricQuery): boolean {
  return q.groupBy !== undefined || NARROWING.some((k) => q[k] !== undefined);
}

const NARROWING = [
  ...(Object.keys(FILTER_COLUMNS) as (keyof FeedbackFilters)[]).filter(
    (k) => k !== 'surveyId' && k !== 'audience',
  ),
  'from',
  'to',
  'compare',
  'compareFrom',
  'compareTo',
] as const satisfies readonly (keyof MetricQuery)[];

export function filtersOf(f: FeedbackFilters): DimensionFilter[] {
  return (Object.keys(FILTER_COLUMNS) as (keyof FeedbackFilters)[])
    .filter((name) => f[name] !== undefined)
    .map((name) => ({ column: FILTER_COLUMNS[name], value: f[name]! }));
}

export type MetricQuery = FeedbackFilters & {
  from?: string;
  to?: string;
  groupBy?: GroupBy;
  compare?: 'previous';
  compareFrom?: string;
  compareTo?: string;
};

/** The cheapest source that answers exactly: a roll-up for whole local days, else the facts. */
export function chooseSource(
  org: Pick<OrgAnalytics, 'rollupReady'>,
  period: Period,
  filters: DimensionFilter[],
  groupBy: GroupBy | undefined,
  scan = false,
): CountSource {
  if (scan || !org.rollupReady || !isDayAligned(period)) return 'facts';
  const columns = filters.map((f) => f.column);
  if (groupBy && !isTimeGrain(groupBy)) columns.push(DIMENSION_COLUMNS[groupBy]);
  if (!columns.every((c) => DAILY_COLUMNS.has(c))) return 'rollup';
  return groupBy === 'day' || groupBy === 'week' ? 'daily' : 'monthly';
}

/** Answer counts per group of one period, from the source that fits it. */
export async function loadGroups(
  tx: Executor,
  orgId: string,
  org: OrgAnalytics,
  q: { metric: MetricKind; period: Period; filters: DimensionFilter[]; groupBy?: GroupBy; scan?: boolean },
): Promise<{ groups: GroupCounts[]; source: CountSource }> {
  const source = chooseSource(org, q.period, q.filters, q.groupBy, q.scan);
  const rows = await countAnswers(tx, orgId, {
    metric: q.metric,
    source,
    timeZone: org.timeZone,
    filters: q.filters,
    period: q.period,
    groupBy: q.groupBy,
  });
  return { groups: groupCounts(q.metric, rows), source };
}

export type MetricFigure = {
  score: number | null;
  n: number;
  ci95: [number, number] | null;
  counts: Record<string, number>;
  smallSample: boolean;
};

/** A group of a breakdown; a location's group also carries the location's name. */
export type MetricGroup = MetricFigure & { key: string | null; name?: string | null };

export type MetricAnswer =
  | (MetricFigure & {
      metric: MetricKind;
      suppressed: false;
      distribution: number[];
      mean?: number | null;
      agreePercent?: number | null;
      groups: MetricGroup[];
      withheldGroups: number;
      anonymityThreshold: number;
      change?: { delta: number; pValue: number | null; previous: { score: number | null; n: number } };
    })
  | { metric: MetricKind; suppressed: true; anonymityThreshold: number };

export function figureOf(result: MetricResult): MetricFigure {
  return {
    score: result.score,
    n: result.n,
    ci95: result.ci95,
    counts: result.counts,
    smallSample: result.smallSample,
  };
}

function extrasOf(result: MetricResult) {
  if (result.metric === 'csat') return { mean: result.mean };
  if (result.metric === 'ces') return { mean: result.mean, agreePercent: result.agreePercent };
  return {};
}

/**
 * The metric endpoint: the score of the filtered answers with its interval, a breakdown, and
 * optionally the change against another period. Figures about fewer protected respondents than
 * the organization's anonymity threshold are withheld.
 */
export function queryMetric(
  ctx: AppContext,
  orgId: string,
  metric: MetricKind,
  q: MetricQuery,
  options: { scan?: boolean } = {},
): Promise<{ answer: MetricAnswer; source: CountSource }> {
  // One transaction: the organization's settings and every count see the same data.
  return ctx.db.withOrg(orgId, async (tx) => {
    const org = await loadOrgAnalytics(ctx, tx, orgId);
    const period = parsePeriod(q, org.timeZone);
    let filters = filtersOf(q);
    let { groups, source } = await loadGroups(tx, orgId, org, {
      metric,
      period,
      filters,
      groupBy: q.groupBy,
      scan: options.scan,
    });
    let total = totalOf(metric, groups);
    if (total.protectedN > 0 && breaksDownProtected(q)) {
      // A survey or audience of staff is withheld whole; a mix leaves the staff answers out.
      if (q.audience !== undefined || q.surveyId !== undefined) {
        return { answer: { metric, suppressed: true, anonymityThreshold: org.anonymityThreshold }, source };
      }
      q = { ...q, audience: OPEN_AUDIENCE };
      filters = filtersOf(q);
      ({ groups, source } = await loadGroups(tx, orgId, org, {
        metric,
        period,
        filters,
        groupBy: q.groupBy,
        scan: options.scan,
      }));
      total = totalOf(metric, groups);
    }
    const threshold = org.anonymityThreshold;
    if (isTooFew(total.protectedN, threshold)) {
      return { answer: { metric, suppressed: true, anonymityThreshold: threshold }, source };
    }
    const overall = computeMetric(metric, total.counts);
    const { shown, withheld } = q.groupBy
      ? withholdSmallGroups(groups, threshold)
      : { shown: [], withheld: 0 };
    const names =
      q.groupBy === 'location'
        ? await findLocationNames(
            tx,
            orgId,
            shown.map((g) => g.key),
          )
        : undefined;
    const answer: MetricAnswer = {
      metric,
      suppressed: false,
      ...figureOf(overall),
      distribution: overall.distribution,
      ...extrasOf(overall),
      groups: shown.map((g) => ({
        key: g.key === '' ? null : g.key,
        ...(names && { name: names.get(g.key) ?? null }),
        ...figureOf(computeMetric(metric, g.counts)),
      })),
      withheldGroups: withheld,
      anonymityThreshold: threshold,
    };
    const comparePeriod =
      q.compare === 'previous'
        ? previousPeriod(period, ctx.clock.now(), org.timeZone)
        : q.compareFrom || q.compareTo
          ? parsePeriod({ from: q.compareFrom, to: q.compareTo }, org.timeZone, {
              from: 'compareFrom',
              to: 'compareTo',
            })
          : undefined;
    if (comparePeriod) {
      const before = await loadGroups(tx, orgId, org, {
        metric,
        period: comparePeriod,
        filters,
        scan: options.scan,
      });
      const previous = totalOf(metric, before.groups);
      const change = isTooFew(previous.protectedN, threshold)
        ? null
        : compareMetric(metric, total.counts, previous.counts);
      if (change) {
        const prev = computeMetric(metric, previous.counts);
        answer.change = {
          delta: change.delta,
          pValue: change.pValue,
          previous: { score: prev.score, n: prev.n },
        };
      }
    }
    return { answer, source };
  });
}
