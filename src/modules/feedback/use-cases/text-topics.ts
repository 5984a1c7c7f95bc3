import type { AppContext } from '../../../http/types';
import { countTopics, countTopicsByMonth, type TopicCountRow } from '../data/repo-answers';
import { listAllTopics } from '../data/repo-topics';
import { isTooFew } from '../domain/anonymity';
import { type Audience, OPEN_AUDIENCE } from '../domain/dimensions';
import { countsFromRows } from '../domain/metrics/counts-from-rows';
import { parsePeriod } from '../domain/period';
import { computeTopicEffects } from '../domain/text/topic-effects';
import { loadOrgAnalytics } from './org-analytics';

export type TopicsQuery = { audience: Audience; surveyId?: string; from?: string; to?: string };

const npsCounts = (rows: readonly TopicCountRow[]) =>
  countsFromRows(
    'nps',
    rows.filter((r) => r.nps !== null).map((r) => ({ value: r.nps!, count: r.n })),
  );

/**
 * Every topic of the taxonomy: how many open answers mention it, its monthly trend, and its effect
 * on NPS (the NPS of answers mentioning it minus that of the other answers with text).
 */
export async function topicInsights(ctx: AppContext, orgId: string, q: TopicsQuery) {
  const { org, topics, counts, months } = await ctx.db.withOrg(orgId, async (tx) => {
    const org = await loadOrgAnalytics(ctx, tx, orgId);
    const period = parsePeriod(q, org.timeZone);
    const filter = { audience: q.audience, surveyId: q.surveyId, from: period.from?.at, to: period.to?.at };
    return {
      org,
      topics: await listAllTopics(tx, orgId),
      counts: await countTopics(tx, orgId, filter),
      months: await countTopicsByMonth(tx, orgId, { ...filter, timeZone: org.timeZone }),
    };
  });
  const threshold = q.audience === OPEN_AUDIENCE ? 0 : org.anonymityThreshold;
  const rowsOf = (topic: string | null) => counts.filter((r) => r.topic === topic);
  const total = rowsOf(null).reduce((s, r) => s + r.n, 0);
  if (threshold && isTooFew(total, threshold)) {
    return {
      audience: q.audience,
      answers: null,
      suppressed: true,
      items: [],
      withheldTopics: 0,
      anonymityThreshold: org.anonymityThreshold,
    };
  }
  const monthTotals = new Map(months.filter((m) => m.topic === null).map((m) => [m.month, m.n]));
  const effects = new Map(
    computeTopicEffects(
      topics.map((t) => ({ key: t.id, counts: npsCounts(rowsOf(t.id)) })),
      npsCounts(rowsOf(null)),
    ).map((e, rank) => [e.key, { ...e, rank }]),
  );
  const items = topics
    .map((t) => {
      const n = rowsOf(t.id).reduce((s, r) => s + r.n, 0);
      const { key: _id, rank, ...effect } = effects.get(t.id)!;
      // The answers without the topic are a group of their own: too few of them stay unseen too.
      const npsTotal = npsCounts(rowsOf(null)).reduce((s, c) => s + c, 0);
      if (threshold && isTooFew(npsTotal - effect.n, threshold)) {
        Object.assign(effect, { scoreWithout: null, effect: null, pValue: null });
      }
      const trend = months
        .filter((m) => m.topic === t.id && !(threshold && isTooFew(m.n, threshold)))
        .map((m) => ({ month: m.month, n: m.n, share: m.n / (monthTotals.get(m.month) ?? m.n) }));
      return { id: t.id, key: t.key, name: t.name, n, share: total ? n / total : 0, trend, effect, rank };
    })
    .sort((a, b) => a.rank - b.rank);
  const shown = items.filter((i) => !(threshold && isTooFew(i.n, threshold)));
  return {
    audience: q.audience,
    answers: total,
    suppressed: false,
    items: shown.map(({ rank: _rank, ...item }) => item),
    withheldTopics: items.length - shown.length,
    anonymityThreshold: org.anonymityThreshold,
  };
}
