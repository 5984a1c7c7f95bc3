/** Latin letters that Unicode does not decompose into a base letter and a mark. */
const UNDECOMPOSED: Record<string, string> = { ł: 'l', đ: 'd', ø: 'o', ß: 'ss', æ: 'ae', œ: 'oe' };

/**
 * A slug for an organization's name: lower-case ASCII letters and digits joined by dashes
 * ("Kawiarnia Łąka" → "kawiarnia-laka"); `fallback` when the name has too few such letters
 * (a name in Cyrillic).
 */
export function slugFromName(name: string, fallback = 'organization'): string {
  const ascii = name
    .toLowerCase()
    .replace(/[łđøßæœ]/g, (c) => UNDECOMPOSED[c] ?? c)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '');
  const slug = ascii
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
  return slug.length >= 2 ? slug : fallback;
}
