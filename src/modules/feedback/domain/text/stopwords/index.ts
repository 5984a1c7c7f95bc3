import type { DetectedLang, TextLang } from '../languages';
import { foldDiacritics } from '../normalize';
import { CS_HINTS, CS_NEGATIONS, CS_STOP_WORDS } from './cs';
import { EN_HINTS, EN_NEGATIONS, EN_STOP_WORDS } from './en';
import { PL_HINTS, PL_NEGATIONS, PL_STOP_WORDS } from './pl';
import { RU_HINTS, RU_NEGATIONS, RU_STOP_WORDS } from './ru';

/** The raw lists as written (exact spellings), for language detection. */
export const WORD_LISTS: Readonly<
  Record<TextLang, { stopWords: readonly string[]; hints: readonly string[] }>
> = {
  en: { stopWords: [...EN_STOP_WORDS, ...EN_NEGATIONS], hints: EN_HINTS },
  pl: { stopWords: [...PL_STOP_WORDS, ...PL_NEGATIONS], hints: PL_HINTS },
  cs: { stopWords: [...CS_STOP_WORDS, ...CS_NEGATIONS], hints: CS_HINTS },
  ru: { stopWords: [...RU_STOP_WORDS, ...RU_NEGATIONS], hints: RU_HINTS },
};

export interface LanguageWords {
  /** Function words: never terms, and they break phrases. Includes the negations. */
  stopWords: ReadonlySet<string>;
  /** Negations: never terms on their own, but they may open a two-word phrase. */
  negations: ReadonlySet<string>;
  /** Common content words of feedback, used only as evidence for language detection. */
  hints: ReadonlySet<string>;
}

// Stop words also match when typed without diacritics ("sie" for "się"), as many people write.
function wordSet(...lists: readonly string[][]): Set<string> {
  const set = new Set<string>();
  for (const list of lists) {
    for (const w of list) {
      set.add(w);
      set.add(foldDiacritics(w));
    }
  }
  return set;
}

export const LANGUAGE_WORDS: Readonly<Record<TextLang, LanguageWords>> = {
  en: {
    stopWords: wordSet(EN_STOP_WORDS, EN_NEGATIONS),
    negations: wordSet(EN_NEGATIONS),
    hints: wordSet(EN_HINTS),
  },
  pl: {
    stopWords: wordSet(PL_STOP_WORDS, PL_NEGATIONS),
    negations: wordSet(PL_NEGATIONS),
    hints: wordSet(PL_HINTS),
  },
  cs: {
    stopWords: wordSet(CS_STOP_WORDS, CS_NEGATIONS),
    negations: wordSet(CS_NEGATIONS),
    hints: wordSet(CS_HINTS),
  },
  ru: {
    stopWords: wordSet(RU_STOP_WORDS, RU_NEGATIONS),
    negations: wordSet(RU_NEGATIONS),
    hints: wordSet(RU_HINTS),
  },
};

const NONE: LanguageWords = { stopWords: new Set(), negations: new Set(), hints: new Set() };

/** The word lists of a language; an undetermined language has none. */
export function wordsOf(lang: DetectedLang): LanguageWords {
  return lang === 'und' ? NONE : LANGUAGE_WORDS[lang];
}
