import { detectLanguage } from './detect-language';
import { type DetectedLang, isTextLang } from './languages';
import { stemWord } from './stem';
import { wordsOf } from './stopwords/index';
import { tokenizeClauses } from './tokenize';

/** A term found in an answer: `key` identifies it across answers (stems), `label` is readable text. */
export interface TermOccurrence {
  key: string;
  label: string;
}

export interface AnswerTerms {
  lang: DetectedLang;
  /** Distinct single-word terms (stemmed content words). */
  terms: TermOccurrence[];
  /** Distinct two-word phrases: neighbouring content words within a clause; a negation may open one. */
  phrases: TermOccurrence[];
}

export interface AnalyzeOptions {
  /** Language already known (e.g. detected earlier); skips detection. */
  lang?: DetectedLang;
  /** Respondent's locale, a hint for detection. */
  locale?: string | null;
}

/** Words shorter than this are noise (initials, stray letters) and break phrases like stop words. */
const MIN_WORD_LENGTH = 2;

/**
 * Turn one open answer into the distinct terms and phrases it mentions.
 * Distinct, because an answer that repeats "late late late" is still one customer saying "late";
 * counting answers rather than tokens keeps one angry essay from dominating the ranking.
 */
export function analyzeAnswer(text: string, options: AnalyzeOptions = {}): AnswerTerms {
  const lang =
    options.lang && (options.lang === 'und' || isTextLang(options.lang))
      ? options.lang
      : detectLanguage(text, { hint: options.locale });
  const { stopWords, negations } = wordsOf(lang);
  const terms = new Map<string, string>();
  const phrases = new Map<string, string>();
  for (const clause of tokenizeClauses(text, lang)) {
    // Previous word that may open a phrase: a content word or a negation.
    let prev: TermOccurrence | null = null;
    for (const word of clause) {
      if (negations.has(word)) {
        prev = { key: word, label: word };
        continue;
      }
      if (word.length < MIN_WORD_LENGTH || stopWords.has(word)) {
        prev = null;
        continue;
      }
      const current = { key: stemWord(word, lang), label: word };
      keepLabel(terms, current.key, current.label);
      if (prev) keepLabel(phrases, prev.key + ' ' + current.key, prev.label + ' ' + current.label);
      prev = current;
    }
  }
  const toList = (m: Map<string, string>) => [...m].map(([key, label]) => ({ key, label }));
  return { lang, terms: toList(terms), phrases: toList(phrases) };
}

/**
 * Several spellings share a stem; keep one label per key that does not depend on the order the
 * answers arrive in (shortest, then alphabetical), so incremental and batch counting agree.
 */
export function preferLabel(a: string, b: string): string {
  if (a.length !== b.length) return a.length < b.length ? a : b;
  return a < b ? a : b;
}

function keepLabel(map: Map<string, string>, key: string, label: string): void {
  const existing = map.get(key);
  map.set(key, existing === undefined ? label : preferLabel(existing, label));
}
