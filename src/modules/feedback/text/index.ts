// Public surface of open-answer text insight: language, terms, distinguishing terms, topics.
export { type AnalyzeOptions, type AnswerTerms, analyzeAnswer, type TermOccurrence } from './analyze-answer';
export { countScoresByTopic, type ScoredAnswer } from './count-topics';
export { type DetectOptions, detectLanguage } from './detect-language';
export {
  type DistinguishingOptions,
  type DistinguishingTerms,
  distinguishDetractorsFromPromoters,
} from './distinguishing-terms';
export { type RankedTerm, type RankOptions, rankTerms, type TermKind } from './fightin-words';
export { type DetectedLang, isTextLang, TEXT_LANGUAGES, type TextLang, textLangOfLocale } from './languages';
export { stemWord } from './stem';
export {
  type CompiledTaxonomy,
  compileTaxonomy,
  type Taxonomy,
  type Topic,
  tagTopics,
} from './taxonomy';
export {
  addAnswerTerms,
  createTermCounts,
  mergeTermCounts,
  parseTermCounts,
  removeAnswerTerms,
  serializeTermCounts,
  type TermCounts,
  type TermCountsJson,
  type TermStat,
  termCountsToJson,
} from './term-counts';
export { tokenize, tokenizeClauses } from './tokenize';
export { computeTopicEffects, type TopicEffect } from './topic-effects';
