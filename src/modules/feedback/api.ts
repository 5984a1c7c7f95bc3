import type { Executor } from '../../db/database';
import type { AppContext } from '../../http/types';
import { listAllTopics } from './data/repo-topics';
import { compileTopics, topicsOfAnswer } from './domain/tag-answers';
import { analyzeAnswer } from './domain/text/analyze-answer';
import { type DetectedLang, isTextLang } from './domain/text/languages';

export { latestScores } from './data/repo-customer';
export { countProtectedCells, listProtectedTexts, type ProtectedQuery } from './data/repo-protected';
export { findSettings as findFeedbackSettings } from './data/repo-settings';
export { isTooFew, type ProtectedCell, type Suppression, suppressNested } from './domain/anonymity';
export { computeMetric } from './domain/metrics/metric';
export { detractorTopicsOfPeriod, type PeriodScore, scoresOfPeriod } from './use-cases/period-digest';

/** A topic of the organization's taxonomy, as other modules see it. */
export type TopicRef = { id: string; key: string; name: Record<string, string> };

/**
 * The topics some open answers mention (case rules use it). `lang` is the language when known,
 * or a locale hint; without it each text's language is detected.
 */
export async function topicsOfTexts(
  _ctx: AppContext,
  tx: Executor,
  orgId: string,
  texts: readonly string[],
  lang?: string | null,
): Promise<TopicRef[]> {
  const topics = await listAllTopics(tx, orgId);
  if (!topics.length || !texts.length) return [];
  const langs: DetectedLang[] = texts.map((text) =>
    lang === 'und' || isTextLang(lang) ? lang : analyzeAnswer(text, { locale: lang }).lang,
  );
  const ids = new Set(topicsOfAnswer(texts, langs, compileTopics(topics)));
  return topics.filter((t) => ids.has(t.id)).map((t) => ({ id: t.id, key: t.key, name: t.name }));
}

/** Fewer answers than this make a figure a small sample: shown, but not ranked. */
export { SMALL_SAMPLE_THRESHOLD } from './domain/metrics/scales';
/** A metric with its interval and a breakdown (the location leaderboard reads it by location). */
export { type MetricAnswer, type MetricGroup, queryMetric } from './use-cases/query-metric';
