import { cs } from './cs';
import { type Catalogue, en, type MessageKey } from './en';
import { formatMessage, type MessageParams } from './format';
import type { Locale } from './locales';
import { pl } from './pl';
import { ru } from './ru';

export const CATALOGUES: Record<Locale, Catalogue> = { en, pl, cs, ru };

/** The message `key` in `locale` (English when the locale is unknown), with its parameters filled in. */
export function t(locale: string, key: MessageKey, params?: MessageParams): string {
  const catalogue = CATALOGUES[locale as Locale] ?? en;
  return formatMessage(catalogue === en ? 'en' : locale, catalogue[key] ?? en[key], params);
}

export type { MessageKey };
