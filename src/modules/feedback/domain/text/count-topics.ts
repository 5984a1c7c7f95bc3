import type { GroupCounts } from '../metrics/drivers';
import { emptyCounts, type MetricKind, SCALES } from '../metrics/scales';
import { detectLanguage } from './detect-language';
import type { DetectedLang } from './languages';
import { type CompiledTaxonomy, compileTaxonomy, type Taxonomy, tagTopics } from './taxonomy';

export interface ScoredAnswer {
  text: string;
  /** The answer's score on the metric's scale (e.g. 0..10 for NPS). */
  score: number;
  lang?: DetectedLang;
  locale?: string | null;
}

/**
 * Tag answers in memory and count scores per topic, ready for computeTopicEffects.
 * For data already in the database, store the tags per response and GROUP BY instead.
 */
export function countScoresByTopic(
  answers: Iterable<ScoredAnswer>,
  taxonomy: Taxonomy | CompiledTaxonomy,
  kind: MetricKind = 'nps',
): { overall: number[]; topics: GroupCounts[] } {
  const compiled = 'topics' in taxonomy ? taxonomy : compileTaxonomy(taxonomy);
  const { min, max } = SCALES[kind];
  const overall = emptyCounts(kind);
  const perTopic = new Map(compiled.topics.map((t) => [t.key, emptyCounts(kind)]));
  for (const a of answers) {
    if (!Number.isInteger(a.score) || a.score < min || a.score > max) {
      throw new RangeError(`${kind} score ${a.score} is outside ${min}..${max}`);
    }
    overall[a.score - min]++;
    const lang = a.lang ?? detectLanguage(a.text, { hint: a.locale });
    for (const key of tagTopics(a.text, lang, compiled)) perTopic.get(key)![a.score - min]++;
  }
  return { overall, topics: [...perTopic].map(([key, counts]) => ({ key, counts })) };
}
