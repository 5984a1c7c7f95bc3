import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FirstRunRequest, Locale } from '../../src/http/api-types';
import { ApiError, post } from './api/client';
import { ME_KEY } from './api/me';
import { ErrorMessage } from './components/error-message';
import { LanguageSwitcher } from './components/language-switcher';
import { OrgProfileFields } from './components/org-profile-fields';
import { LOCALES } from './i18n/setup';

export const FIRST_RUN_KEY = ['first-run'] as const;

/** The currency a company working in a language most likely keeps its books in. */
const CURRENCY_OF: Record<Locale, string> = { en: 'EUR', pl: 'PLN', cs: 'CZK', ru: 'RUB' };

const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/**
 * First run of a fresh instance: the first organization and its owner, created with the one-time
 * token the server printed in its log; the owner is logged in right after.
 */
export function SetupPage() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const language = (LOCALES.includes(i18n.language as Locale) ? i18n.language : 'en') as Locale;
  const [form, setForm] = useState<FirstRunRequest>({
    token: '',
    name: '',
    defaultLocale: language,
    baseCurrency: CURRENCY_OF[language],
    timeZone: browserTimeZone(),
    ownerEmail: '',
    ownerName: '',
    ownerPassword: '',
  });
  const set = (key: keyof FirstRunRequest) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });
  const pickLocale = (e: { target: { value: string } }) => {
    const locale = e.target.value as Locale;
    setForm({ ...form, defaultLocale: locale, baseCurrency: CURRENCY_OF[locale] });
  };
  const setUp = useMutation({
    mutationFn: async () => {
      await post('/setup', { ...form, ownerName: form.ownerName || undefined });
      await post('/auth/login', { email: form.ownerEmail, password: form.ownerPassword });
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: FIRST_RUN_KEY });
      await queryClient.invalidateQueries({ queryKey: ME_KEY });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setUp.mutate();
  };
  const refusal = setUp.error instanceof ApiError ? setUp.error.status : 0;
  return (
    <main className="login" id="main">
      <form onSubmit={submit} className="card login-card setup-card" aria-labelledby="setup-title">
        <h1 id="setup-title">{t('setup.title')}</h1>
        <p className="muted">{t('setup.intro')}</p>
        <label>
          {t('setup.token')}
          <input required autoComplete="off" value={form.token} onChange={set('token')} />
        </label>
        <p className="muted">{t('setup.tokenHint')}</p>
        <fieldset>
          <legend>{t('setup.organization')}</legend>
          <OrgProfileFields profile={form} onChange={set} onLocale={pickLocale} />
        </fieldset>
        <fieldset>
          <legend>{t('setup.owner')}</legend>
          <label>
            {t('settings.name')}
            <input maxLength={200} autoComplete="name" value={form.ownerName} onChange={set('ownerName')} />
          </label>
          <label>
            {t('login.email')}
            <input
              type="email"
              required
              autoComplete="username"
              value={form.ownerEmail}
              onChange={set('ownerEmail')}
            />
          </label>
          <label>
            {t('login.password')}
            <input
              type="password"
              required
              minLength={12}
              maxLength={200}
              autoComplete="new-password"
              value={form.ownerPassword}
              onChange={set('ownerPassword')}
            />
          </label>
          <p className="muted">{t('setup.passwordHint')}</p>
        </fieldset>
        {setUp.isError &&
          (refusal === 401 || refusal === 409 ? (
            <p role="alert" className="error">
              {t(refusal === 401 ? 'setup.wrongToken' : 'setup.alreadyDone')}
            </p>
          ) : (
            <ErrorMessage error={setUp.error} />
          ))}
        <button type="submit" className="primary" disabled={setUp.isPending}>
          {t('setup.submit')}
        </button>
        <LanguageSwitcher />
      </form>
    </main>
  );
}
