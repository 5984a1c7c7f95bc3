import type { DetectedLang } from './languages';
import { normalizeWord } from './normalize';

const segmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(lang: DetectedLang): Intl.Segmenter {
  const key = lang === 'und' ? '' : lang;
  let s = segmenters.get(key);
  if (!s) {
    s = new Intl.Segmenter(key || undefined, { granularity: 'word' });
    segmenters.set(key, s);
  }
  return s;
}

// Punctuation other than hyphens and apostrophes ends a clause: "late. Courier" is no phrase.
const CLAUSE_BREAK = /[^\s\-'\u2019\u2010\u2011]/u;
const HAS_LETTER = /\p{L}/u;

/**
 * Split text into clauses of normalised words, using Intl.Segmenter (word granularity, word-like
 * segments only). Clauses end at punctuation; numbers are dropped and also end a clause, so that
 * two-word phrases never run across them.
 */
export function tokenizeClauses(text: string, lang: DetectedLang): string[][] {
  const clauses: string[][] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length > 0) clauses.push(current);
    current = [];
  };
  for (const seg of segmenterFor(lang).segment(text)) {
    if (seg.isWordLike) {
      if (HAS_LETTER.test(seg.segment)) current.push(normalizeWord(seg.segment, lang));
      else flush();
    } else if (CLAUSE_BREAK.test(seg.segment)) {
      flush();
    }
  }
  flush();
  return clauses;
}

/** All normalised words of a text, in order. */
export function tokenize(text: string, lang: DetectedLang): string[] {
  return tokenizeClauses(text, lang).flat();
}
