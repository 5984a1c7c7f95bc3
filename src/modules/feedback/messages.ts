import { formatMessage } from '../../i18n/format';
import { type Locale, negotiateLocale } from '../../i18n/locales';

/** Texts of feedback analytics that reach people (API answers shown as-is, CSV cells). */
const MESSAGES: Record<Locale, { withheld: string; withheldGroups: string }> = {
  en: {
    withheld:
      'Not shown: fewer than {threshold} employees or internal clients answered, and their answers stay anonymous.',
    withheldGroups: '{count} groups with fewer than {threshold} employees or internal clients are not shown.',
  },
  pl: {
    withheld:
      'Nie pokazano: odpowiedziało mniej niż {threshold} pracowników lub klientów wewnętrznych, a ich odpowiedzi pozostają anonimowe.',
    withheldGroups:
      'Liczba ukrytych grup, w których odpowiedziało mniej niż {threshold} pracowników lub klientów wewnętrznych: {count}.',
  },
  cs: {
    withheld:
      'Nezobrazeno: odpovědělo méně než {threshold} zaměstnanců nebo interních klientů a jejich odpovědi zůstávají anonymní.',
    withheldGroups:
      'Počet skrytých skupin, v nichž odpovědělo méně než {threshold} zaměstnanců nebo interních klientů: {count}.',
  },
  ru: {
    withheld:
      'Не показано: ответили менее {threshold} сотрудников или внутренних клиентов, и их ответы остаются анонимными.',
    withheldGroups:
      'Число скрытых групп, в которых ответили менее {threshold} сотрудников или внутренних клиентов: {count}.',
  },
};

export type MessageKey = keyof (typeof MESSAGES)['en'];

/** A message in the caller's language (Accept-Language), else English. */
export function message(acceptLanguage: string | undefined, key: MessageKey, params: Record<string, number>) {
  const locale = negotiateLocale(acceptLanguage) ?? 'en';
  return formatMessage(locale, MESSAGES[locale][key], params);
}
