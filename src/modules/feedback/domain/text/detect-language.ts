import { type DetectedLang, type TextLang, textLangOfLocale } from './languages';
import { foldDiacritics } from './normalize';
import { WORD_LISTS } from './stopwords/index';
import { tokenize } from './tokenize';

export interface DetectOptions {
  /**
   * The respondent's locale (e.g. 'pl-PL'), if known. It decides ties and short texts that carry
   * little evidence, but never overrides a text that is clearly in another language or script.
   */
  hint?: string | null;
}

// Letters only Polish uses among our languages, and only Czech.
const PL_LETTERS = /[ąęłńśźż]/g;
const CS_LETTERS = /[ěřů]/g;
// Shared with Slovak, Slovene, Croatian...: evidence for Czech, but weaker.
const CS_SHARED = /[čšžťďň]/g;
// Latin letters foreign to pl, cs and en (German, French, Spanish, Nordic, Slovak, Hungarian...).
const FOREIGN_LATIN = /[äöüßñçàèìòùâêîôûãõåøæœëïÿľĺŕőű]/g;
// Slovak is closest to Czech: its own letters count against Czech once more.
const SLOVAK = /[äôľĺŕ]/g;
// Cyrillic letters that Russian lacks: Ukrainian, Belarusian, Serbian, Macedonian.
const NON_RUSSIAN_CYRILLIC = /[іїєґўђјљњћџѓќѕ]/g;

const CYRILLIC = /\p{Script=Cyrillic}/gu;
const LATIN = /\p{Script=Latin}/gu;

/** Score needed before a Latin-script text is said to be in one of our languages. */
const MIN_EVIDENCE = 2;
/** What the respondent's locale adds to its language: settles ties and one-word answers only. */
const HINT_BONUS = 1.5;
// Words used alike in all our languages: no evidence for any of them.
const INTERNATIONAL = new Set(['ok', 'okay', 'super', 'top', 'wow', 'hi']);

interface EvidenceWords {
  stop: Set<string>;
  hint: Set<string>;
  foldedStop: Set<string>;
  foldedHint: Set<string>;
}

const EVIDENCE: Record<'pl' | 'cs' | 'en', EvidenceWords> = {
  pl: evidenceWords('pl'),
  cs: evidenceWords('cs'),
  en: evidenceWords('en'),
};

function evidenceWords(lang: TextLang): EvidenceWords {
  const { stopWords, hints } = WORD_LISTS[lang];
  return {
    stop: new Set(stopWords),
    hint: new Set(hints),
    foldedStop: new Set(stopWords.map(foldDiacritics)),
    foldedHint: new Set(hints.map(foldDiacritics)),
  };
}

function count(text: string, re: RegExp): number {
  return text.match(re)?.length ?? 0;
}

/**
 * Detect whether an open answer is Polish, Czech, Russian or English, else 'und'.
 *
 * Evidence, in order of strength: script (Cyrillic is Russian unless letters of another Cyrillic
 * language appear), letters unique to one language (ą ę ł ń ś ź ż → pl; ě ř ů → cs), and hits in
 * each language's stop-word and feedback-word lists (which also catch diacritic-less typing).
 * Letters of other Latin languages count against all three. Too little evidence gives 'und'.
 */
export function detectLanguage(text: string, options: DetectOptions = {}): DetectedLang {
  const lower = text.toLowerCase();
  const hint = textLangOfLocale(options.hint);
  const cyrillic = count(lower, CYRILLIC);
  const latin = count(lower, LATIN);
  if (cyrillic === 0 && latin === 0) return 'und';

  if (cyrillic > latin) {
    // Unless clearly another Cyrillic language, Cyrillic text is Russian.
    const foreign = count(lower, NON_RUSSIAN_CYRILLIC);
    return foreign > 0 && foreign >= cyrillic * 0.01 ? 'und' : 'ru';
  }

  const words = tokenize(lower, 'und').filter((w) => !INTERNATIONAL.has(w));
  const scores: Record<Exclude<TextLang, 'ru'>, number> = { pl: 0, cs: 0, en: 0 };
  for (const lang of ['pl', 'cs', 'en'] as const) {
    const e = EVIDENCE[lang];
    for (const word of words) {
      // Exact spelling counts fully; a match only after stripping diacritics ("dekuji" for
      // "děkuji") counts a quarter, since many words differ from a neighbour's only by them.
      if (e.stop.has(word) || e.hint.has(word)) scores[lang] += 2;
      else {
        const folded = foldDiacritics(word);
        if (e.foldedStop.has(folded) || e.foldedHint.has(folded)) scores[lang] += 0.5;
      }
    }
  }
  scores.pl += 3 * count(lower, PL_LETTERS) + count(lower, /ó/g);
  scores.cs += 3 * count(lower, CS_LETTERS) + count(lower, CS_SHARED) + 0.25 * count(lower, /[áéíýú]/g);
  // Any diacritic at all is evidence against English.
  const diacritics = count(lower.normalize('NFD'), /\p{M}/gu) + count(lower, /ł/g);
  scores.en -= diacritics;
  const foreign = count(lower, FOREIGN_LATIN);
  for (const lang of ['pl', 'cs', 'en'] as const) scores[lang] -= 3 * foreign;
  scores.cs -= 5 * count(lower, SLOVAK);
  if (hint && hint !== 'ru') scores[hint] += HINT_BONUS;

  const ranked = (Object.entries(scores) as [TextLang, number][]).sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (best[1] < MIN_EVIDENCE || best[1] === second[1]) return 'und';
  return best[0];
}
