/**
 * A light Polish stemmer written for this project: no well-kept npm stemmer covers Polish (the
 * Snowball family has none; the good Polish stemmers are dictionary-based and Java-only).
 *
 * It strips one common inflectional ending (case endings of nouns and adjectives, the commonest
 * verb endings) and then unifies a soft final consonant (ń→n, ś→s, ć→c, ź→z), so that
 * opóźnienie / opóźnienia / opóźnieniem / opóźnień all become "opóźnien". It does not undo stem
 * alternations (kurierzy, obsłudze) and may over-strip short words; for ranking terms and matching
 * keywords that is an acceptable trade for having no dictionary.
 */

// Inflectional endings of nouns, adjectives and verbs.
// biome-ignore format: a word list reads better packed
const ENDINGS = [
  'owała', 'owało', 'owali', 'ujemy', 'ujecie', 'iego', 'iemu', 'iami', 'iach', 'ować', 'ował', 'ałem',
  'ałam', 'iłem', 'iłam', 'ujesz', 'ego', 'emu', 'ymi', 'imi', 'ych', 'ich', 'ami', 'ach', 'iom', 'owi',
  'iem', 'iej', 'uje', 'ują', 'uję', 'ała', 'ało', 'ali', 'ały', 'iła', 'iło', 'ili', 'iły', 'ęła', 'ęło',
  'ęli', 'esz', 'emy', 'isz', 'imy', 'ej', 'ym', 'im', 'om', 'ów', 'em', 'ie', 'iu', 'ia', 'ią', 'ię', 'ać',
  'ić', 'eć', 'yć', 'ał', 'ił', 'ął', 'a', 'e', 'i', 'o', 'u', 'y', 'ą', 'ę',
];

// Longest first, so that "-iami" wins over "-ami" and "-i".
const SUFFIXES = [...ENDINGS].sort((a, b) => b.length - a.length);

const SOFT_FINALS: Readonly<Record<string, string>> = { ń: 'n', ś: 's', ć: 'c', ź: 'z' };

/** Shortest stem left after stripping; shorter words are left alone. */
const MIN_STEM = 3;

export function stemPolish(word: string): string {
  let stem = word;
  for (const suffix of SUFFIXES) {
    if (stem.length - suffix.length >= MIN_STEM && stem.endsWith(suffix)) {
      stem = stem.slice(0, -suffix.length);
      break;
    }
  }
  const last = stem.at(-1);
  if (last !== undefined && SOFT_FINALS[last] && stem.length > MIN_STEM) {
    stem = stem.slice(0, -1) + SOFT_FINALS[last];
  }
  return stem;
}
