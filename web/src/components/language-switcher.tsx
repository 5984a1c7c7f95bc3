import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../src/http/api-types';
import { changeLocale, LOCALES } from '../i18n/setup';

/** Each language named in itself, so a reader finds theirs whatever is shown now. */
const NATIVE_NAMES: Record<Locale, string> = { en: 'English', pl: 'Polski', cs: 'Čeština', ru: 'Русский' };

/** Switches the language at once; `onPick` learns of the user's choice (to store it on the account). */
export function LanguageSwitcher({ onPick }: { onPick?: (locale: Locale) => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const pick = (locale: Locale) => {
    void changeLocale(locale);
    onPick?.(locale);
  };
  return (
    <span className="language">
      <label htmlFor={id}>{t('shell.language')}</label>
      <select id={id} value={i18n.language} onChange={(e) => pick(e.target.value as Locale)}>
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {NATIVE_NAMES[l]}
          </option>
        ))}
      </select>
    </span>
  );
}
