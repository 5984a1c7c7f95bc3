import type { GroupCounts } from '../metrics/drivers';
import { compareMetric, computeMetric } from '../metrics/metric';
import { assertCounts, type MetricKind } from '../metrics/scales';

export interface TopicEffect {
  key: string;
  /** Answers that mention the topic. */
  n: number;
  /** Their share of all answers, 0..1. */
  share: number;
  /** Score of the answers with the topic; null when none. */
  scoreWith: number | null;
  /** Score of the answers without it; null when every answer mentions it. */
  scoreWithout: number | null;
  /** scoreWith − scoreWithout: how much worse (negative) or better customers who raise it are. */
  effect: number | null;
  /** Two-sided p-value of "no effect" (the two sets of answers are disjoint, so independent). */
  pValue: number | null;
  smallSample: boolean;
}

/**
 * Effect of each topic on a score (NPS by default): score of the answers mentioning the topic minus
 * score of the answers that do not. `topics[i].counts` are the score counts of answers tagged with
 * the topic; `overall` those of all answers (an answer may carry several topics, so the topics'
 * counts need not add up to it). Sorted by effect, most negative first: the problems come first.
 */
export function computeTopicEffects(
  topics: readonly GroupCounts[],
  overall: readonly number[],
  kind: MetricKind = 'nps',
): TopicEffect[] {
  assertCounts(kind, overall);
  const nOverall = computeMetric(kind, overall).n;
  const effects = topics.map((t): TopicEffect => {
    assertCounts(kind, t.counts);
    const without = overall.map((c, i) => c - t.counts[i]);
    if (without.some((c) => c < 0)) throw new RangeError(`topic ${t.key} has more answers than overall`);
    const withTopic = computeMetric(kind, t.counts);
    const withoutTopic = computeMetric(kind, without);
    const change = compareMetric(kind, t.counts, without);
    return {
      key: t.key,
      n: withTopic.n,
      share: nOverall > 0 ? withTopic.n / nOverall : 0,
      scoreWith: withTopic.score,
      scoreWithout: withoutTopic.score,
      effect: change?.delta ?? null,
      pValue: change?.pValue ?? null,
      smallSample: withTopic.smallSample || withoutTopic.smallSample,
    };
  });
  return effects.sort((a, b) => (a.effect ?? Infinity) - (b.effect ?? Infinity));
}
