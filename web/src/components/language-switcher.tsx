import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../src/http/api-types';
import { changeLocale, LOCALES } from '../i18n/setup';

/** Each language named in itself, so a reader finds theirs whatever is shown now. */
const NATIVE_NAMES: Record<Locale, string> = { en: 'English', pl: 'Polski', cs: 'Čeština', ru: 'Русский' };

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <span className="language">
      <label htmlFor={id}>{t('shell.language')}</label>
      <select id={id} value={i18n.language} onChange={(e) => void changeLocale(e.target.value as Locale)}>
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {NATIVE_NAMES[l]}
          </option>
        ))}
      </select>
    </span>
  );
}
