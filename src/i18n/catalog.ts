import { isLocale, type Locale } from './locales';

export type { Locale } from './locales';

/** Messages of one feature in every locale; a missing key fails to compile. */
export type Catalog<K extends string> = Record<Locale, Record<K, string>>;

/** The first candidate the product speaks ('pl-PL' counts as 'pl'), else English. */
export function pickLocale(...candidates: (string | null | undefined)[]): Locale {
  for (const candidate of candidates) {
    const lang = candidate?.slice(0, 2).toLowerCase();
    if (isLocale(lang)) return lang;
  }
  return 'en';
}

/** Fills `{name}` slots; unknown names stay as they are. */
export function fill(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** A message of `catalog` in `locale`, with its `{name}` slots filled. */
export function translate<K extends string>(
  catalog: Catalog<K>,
  locale: Locale,
  key: K,
  vars?: Record<string, string | number>,
): string {
  return fill(catalog[locale][key], vars);
}
