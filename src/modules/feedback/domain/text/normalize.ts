import type { DetectedLang } from './languages';

/**
 * Lower-case a word the way its language does and unify spellings that mean the same:
 * typographic apostrophes become ', and Russian ё becomes е (most Russian text omits the dots).
 */
export function normalizeWord(word: string, lang: DetectedLang): string {
  let w = word.normalize('NFC').toLocaleLowerCase(lang === 'und' ? undefined : lang);
  w = w.replace(/[\u2019\u2018\u02bc`]/g, "'");
  if (lang === 'ru' || lang === 'und') w = w.replaceAll('ё', 'е');
  return w;
}

/**
 * Strip diacritics (ó→o, ř→r, й→и) and map ł→l, so that text typed without them still matches.
 * Used for loose matching only; analysis keeps the real spelling.
 */
export function foldDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .normalize('NFC');
}
