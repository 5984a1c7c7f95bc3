import { IntlMessageFormat } from 'intl-messageformat';
import type { Locale } from './locales';

export type MessageParams = Record<string, string | number | Date>;

/** Compiled messages by locale and text; catalogues are finite, the bound guards against misuse. */
const compiled = new Map<string, IntlMessageFormat>();
const MAX_COMPILED = 4000;

/**
 * An ICU message in `locale`: `{name}` (a value as it is), `{n, plural, one {# day} other {# days}}`
 * (the locale's plural rules; `#` is the number in the locale's digits), `{x, select, a {...} other {...}}`,
 * `{n, number}`, `{d, date, long}`. Messages are plain text, so `<` starts no tag. An apostrophe is
 * literal unless it stands before `{`, `}`, `#` (in a plural) or another apostrophe, where ICU
 * reads it as a quote. A missing parameter throws.
 */
export function format(locale: Locale, message: string, params?: MessageParams): string {
  const id = `${locale}\u0000${message}`;
  let formatter = compiled.get(id);
  if (!formatter) {
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    formatter = new IntlMessageFormat(message, locale, undefined, { ignoreTag: true });
    compiled.set(id, formatter);
  }
  return formatter.format<string>(params) as string;
}
