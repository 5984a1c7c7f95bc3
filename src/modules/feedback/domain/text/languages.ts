/** Languages whose open answers get full text analysis (stop words, stemming, detection). */
export const TEXT_LANGUAGES = ['pl', 'cs', 'ru', 'en'] as const;
export type TextLang = (typeof TEXT_LANGUAGES)[number];

/** A detected language; 'und' (undetermined, BCP 47) when the text is none of ours or too short to tell. */
export type DetectedLang = TextLang | 'und';

export function isTextLang(value: unknown): value is TextLang {
  return typeof value === 'string' && (TEXT_LANGUAGES as readonly string[]).includes(value);
}

/** The primary language of a locale tag such as 'pl-PL' or 'cs_CZ', if it is one of ours. */
export function textLangOfLocale(locale: string | null | undefined): TextLang | undefined {
  if (!locale) return undefined;
  const primary = locale.toLowerCase().split(/[-_]/)[0];
  return isTextLang(primary) ? primary : undefined;
}
