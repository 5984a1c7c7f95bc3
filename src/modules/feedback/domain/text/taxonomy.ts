import { type DetectedLang, TEXT_LANGUAGES, type TextLang } from './languages';
import { foldDiacritics, normalizeWord } from './normalize';
import { stemWord } from './stem';
import { tokenize } from './tokenize';

/**
 * An organisation-defined topic with keywords per language. A keyword is a word ("courier"), a
 * prefix ending in * ("deliver*") or a phrase of such words ("on time", "call* back").
 * Keywords under 'any' apply to every language (brand and product names).
 */
export interface Topic {
  key: string;
  keywords: Partial<Record<TextLang | 'any', readonly string[]>>;
}

export type Taxonomy = readonly Topic[];

interface WordMatcher {
  /** Diacritic-folded word or prefix. */
  folded: string;
  /** Diacritic-folded stem of the keyword in its language; null for prefixes. */
  stem: string | null;
  prefix: boolean;
}

type KeywordMatcher = WordMatcher[];

export interface CompiledTaxonomy {
  topics: { key: string; byLang: Map<TextLang | 'any', KeywordMatcher[]> }[];
}

function compileKeyword(keyword: string, lang: TextLang | 'any'): KeywordMatcher {
  const stemLang: DetectedLang = lang === 'any' ? 'und' : lang;
  return keyword
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => {
      const prefix = part.endsWith('*');
      const word = normalizeWord(prefix ? part.slice(0, -1) : part, stemLang);
      return {
        folded: foldDiacritics(word),
        stem: prefix ? null : foldDiacritics(stemWord(word, stemLang)),
        prefix,
      };
    })
    .filter((m) => m.folded.length > 0);
}

/** Prepare a taxonomy once (keywords normalised and stemmed) for tagging many answers. */
export function compileTaxonomy(taxonomy: Taxonomy): CompiledTaxonomy {
  return {
    topics: taxonomy.map((topic) => {
      const byLang = new Map<TextLang | 'any', KeywordMatcher[]>();
      for (const lang of [...TEXT_LANGUAGES, 'any'] as const) {
        const keywords = topic.keywords[lang];
        if (keywords?.length) {
          byLang.set(
            lang,
            keywords.map((k) => compileKeyword(k, lang)).filter((m) => m.length > 0),
          );
        }
      }
      return { key: topic.key, byLang };
    }),
  };
}

interface TokenForms {
  folded: string;
  /** Folded stem per stemming language, computed on demand. */
  stems: Map<DetectedLang, string>;
  raw: string;
}

function stemOf(token: TokenForms, lang: DetectedLang): string {
  let s = token.stems.get(lang);
  if (s === undefined) {
    s = foldDiacritics(stemWord(token.raw, lang));
    token.stems.set(lang, s);
  }
  return s;
}

function wordMatches(m: WordMatcher, token: TokenForms, lang: DetectedLang): boolean {
  if (m.prefix) return token.folded.startsWith(m.folded);
  return token.folded === m.folded || stemOf(token, lang) === m.stem;
}

function keywordMatches(keyword: KeywordMatcher, tokens: TokenForms[], lang: DetectedLang): boolean {
  for (let i = 0; i + keyword.length <= tokens.length; i++) {
    let all = true;
    for (let j = 0; j < keyword.length && all; j++) all = wordMatches(keyword[j], tokens[i + j], lang);
    if (all) return true;
  }
  return false;
}

/**
 * Topic keys an answer mentions, in taxonomy order.
 *
 * An answer in one of our languages is matched against that language's keywords (and 'any'),
 * comparing stems so that inflected forms match ("kuriera" → kurier), and folding diacritics so
 * that "opoznienie" typed without them still matches. An answer in an undetermined language is
 * matched against every language's keywords, each stemmed in its own language.
 */
export function tagTopics(text: string, lang: DetectedLang, taxonomy: Taxonomy | CompiledTaxonomy): string[] {
  const compiled = 'topics' in taxonomy ? taxonomy : compileTaxonomy(taxonomy);
  const tokens: TokenForms[] = tokenize(text, lang).map((raw) => ({
    raw,
    folded: foldDiacritics(raw),
    stems: new Map(),
  }));
  if (tokens.length === 0) return [];
  const langs: (TextLang | 'any')[] = lang === 'und' ? [...TEXT_LANGUAGES, 'any'] : [lang, 'any'];
  const found: string[] = [];
  for (const topic of compiled.topics) {
    const hit = langs.some((l) =>
      topic.byLang.get(l)?.some((kw) => keywordMatches(kw, tokens, l === 'any' ? 'und' : l)),
    );
    if (hit) found.push(topic.key);
  }
  return found;
}
