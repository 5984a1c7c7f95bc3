import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale, LoginRequest } from '../../src/http/api-types';
import { ApiError, post } from './api/client';
import { ME_KEY } from './api/me';
import { ErrorMessage } from './components/error-message';
import { LanguageSwitcher } from './components/language-switcher';
import { LOCALES } from './i18n/setup';

export function LoginPage() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  // Picked here, the language becomes the account's choice; else it is kept only while none was made.
  const [languagePicked, setLanguagePicked] = useState(false);
  const login = useMutation({
    mutationFn: () =>
      post('/auth/login', {
        email,
        password,
        locale: LOCALES.includes(i18n.language as Locale) ? (i18n.language as Locale) : undefined,
        localePicked: languagePicked,
      } satisfies LoginRequest),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ME_KEY }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate();
  };
  return (
    <main className="login" id="main">
      <form onSubmit={submit} className="card login-card" aria-labelledby="login-title">
        <h1 id="login-title">{t('login.title')}</h1>
        <p className="muted">{t('login.intro')}</p>
        <label>
          {t('login.email')}
          <input
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </label>
        <label>
          {t('login.password')}
          <input
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {login.isError &&
          (login.error instanceof ApiError && login.error.status === 401 ? (
            <p role="alert" className="error">
              {t('login.failed')}
            </p>
          ) : (
            <ErrorMessage error={login.error} />
          ))}
        <button type="submit" className="primary" disabled={login.isPending}>
          {t('login.submit')}
        </button>
        <LanguageSwitcher onPick={() => setLanguagePicked(true)} />
      </form>
    </main>
  );
}
