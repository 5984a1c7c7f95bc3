import { computeMetric } from './metric';
import { assertCounts, emptyCounts, type MetricKind } from './scales';

export interface GroupCounts {
  /** Touchpoint, channel, segment, topic ... whatever the answers were grouped by. */
  key: string;
  counts: readonly number[];
}

export interface Driver {
  key: string;
  n: number;
  /** This group's share of all answers, 0..1. */
  share: number;
  /** The group's own score; null when it has no answers. */
  score: number | null;
  ci95: [number, number] | null;
  smallSample: boolean;
  /**
   * overall score − score of all other answers (the overall without this group), in score units.
   * Positive: the group lifts the overall score; negative: it pulls it down.
   * Null when the group is empty or holds every answer (nothing is left to compare with).
   */
  impact: number | null;
}

/**
 * Per-group share, score and impact on the overall score.
 *
 * Impact is leave-one-out: "how much higher or lower would the overall score be without this
 * group's answers". It weighs the gap between a group and the rest by the group's size, so a large
 * touchpoint that is a little worse ranks above a tiny one that is much worse — the order in which
 * fixing things moves the overall number. Impacts of different groups do not add up to anything.
 *
 * Groups are assumed to partition the answers, so the overall counts are their sum. For overlapping
 * groups (topics, multi-valued segments) pass `overall` explicitly: impact is then the overall score
 * minus the score of the answers outside the group, which needs group ⊆ overall. Groups come back in
 * input order.
 */
export function computeDrivers(
  kind: MetricKind,
  groups: readonly GroupCounts[],
  overall?: readonly number[],
): Driver[] {
  for (const g of groups) assertCounts(kind, g.counts);
  const total = overall ? [...overall] : sumCounts(kind, groups);
  assertCounts(kind, total);
  const overallResult = computeMetric(kind, total);
  const nTotal = overallResult.n;
  return groups.map((g) => {
    const own = computeMetric(kind, g.counts);
    const rest = total.map((c, i) => c - g.counts[i]);
    if (rest.some((c) => c < 0)) {
      throw new RangeError(`group ${g.key} has more answers than the overall counts`);
    }
    const restScore = own.n > 0 ? computeMetric(kind, rest).score : null;
    return {
      key: g.key,
      n: own.n,
      share: nTotal > 0 ? own.n / nTotal : 0,
      score: own.score,
      ci95: own.ci95,
      smallSample: own.smallSample,
      impact: overallResult.score !== null && restScore !== null ? overallResult.score - restScore : null,
    };
  });
}

function sumCounts(kind: MetricKind, groups: readonly GroupCounts[]): number[] {
  const total = emptyCounts(kind);
  for (const g of groups) for (let i = 0; i < total.length; i++) total[i] += g.counts[i];
  return total;
}
