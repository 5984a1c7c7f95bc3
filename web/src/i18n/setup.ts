import i18n from 'i18next';
import ICU from 'i18next-icu';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../../src/http/api-types';
import { keysOf } from '../lib/domain';

/** The dashboard's languages: the API's, each with a catalogue here. */
export const LOCALES = keysOf<Locale>({ en: true, pl: true, cs: true, ru: true });

const STORAGE_KEY = 'orientir.locale';
const catalogues = import.meta.glob<{ default: Record<string, unknown> }>('./*.json');

const isLocale = (v: unknown): v is Locale => LOCALES.includes(v as Locale);

/** The remembered choice, else the browser's language, else English. */
export function initialLocale(): Locale {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (isLocale(stored)) return stored;
  const browser = navigator.language?.slice(0, 2);
  return isLocale(browser) ? browser : 'en';
}

async function loadCatalogue(locale: Locale) {
  if (i18n.hasResourceBundle(locale, 'translation')) return;
  const mod = await catalogues[`./${locale}.json`]();
  i18n.addResourceBundle(locale, 'translation', mod.default, true, true);
}

/** Switches the language, loading its catalogue on demand, and remembers the choice. */
export async function changeLocale(locale: Locale, remember = true) {
  await loadCatalogue(locale);
  if (remember) localStorage.setItem(STORAGE_KEY, locale);
  document.documentElement.lang = locale;
  await i18n.changeLanguage(locale);
}

/** The account's language when the user chose it: it wins over the browser's and the login page's. */
export function chosenLocaleOf(user: { locale: string; localeChosen: boolean } | null): Locale | undefined {
  return user?.localeChosen && isLocale(user.locale) ? user.locale : undefined;
}

/** ICU message syntax (plurals, selects, numbers) for every string of the catalogues. */
export async function setupI18n() {
  const locale = initialLocale();
  await i18n
    .use(ICU)
    .use(initReactI18next)
    .init({
      lng: locale,
      fallbackLng: 'en',
      resources: {},
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  await Promise.all([loadCatalogue('en'), loadCatalogue(locale)]);
  document.documentElement.lang = locale;
  await i18n.changeLanguage(locale);
  return i18n;
}
