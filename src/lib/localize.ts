/** The languages the product speaks. */
export const LOCALES = ['en', 'pl', 'cs', 'ru'] as const;
export type Locale = (typeof LOCALES)[number];

/** Messages of one feature in every locale; a missing key fails to compile. */
export type Catalog<K extends string> = Record<Locale, Record<K, string>>;

/** The first candidate the product speaks ('pl-PL' counts as 'pl'), else English. */
export function pickLocale(...candidates: (string | null | undefined)[]): Locale {
  for (const candidate of candidates) {
    const lang = candidate?.slice(0, 2).toLowerCase();
    if (lang && (LOCALES as readonly string[]).includes(lang)) return lang as Locale;
  }
  return 'en';
}

/** Languages of an Accept-Language header, most preferred first. */
export function acceptedLanguages(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag: tag.trim(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .filter((l) => l.tag && l.q > 0)
    .sort((a, b) => b.q - a.q)
    .map((l) => l.tag);
}

/** Fills `{name}` placeholders; unknown names stay as they are. */
export function fill(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** A message of `catalog` in `locale`, with its placeholders filled. */
export function translate<K extends string>(
  catalog: Catalog<K>,
  locale: Locale,
  key: K,
  vars?: Record<string, string | number>,
): string {
  return fill(catalog[locale][key], vars);
}
