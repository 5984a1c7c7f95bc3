/** The languages the product speaks; every catalogue covers all of them. */
export const LOCALES = ['en', 'pl', 'cs', 'ru'] as const;
export type Locale = (typeof LOCALES)[number];

export const isLocale = (value: unknown): value is Locale =>
  typeof value === 'string' && (LOCALES as readonly string[]).includes(value);

/**
 * The one way a language is chosen: the first candidate the product speaks, else English.
 * Give the candidates in the order they count, e.g. the customer's own language, `?lang`, the
 * browser's Accept-Language, the organization's default. A candidate is a language tag
 * ('pl', 'pl-PL', 'pl_PL') or a whole Accept-Language header, read by its q weights; empty
 * candidates are passed over.
 */
export function pickLocale(...candidates: (string | null | undefined)[]): Locale {
  for (const candidate of candidates) {
    const found = candidate ? spoken(candidate) : undefined;
    if (found) return found;
  }
  return 'en';
}

/** The best language the product speaks among the tags of a header (one tag is a header too). */
function spoken(header: string): Locale | undefined {
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.trim().toLowerCase(), q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((r) => r.tag && Number.isFinite(r.q) && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const base = tag.split(/[-_]/)[0];
    if (isLocale(base)) return base;
  }
  return undefined;
}
