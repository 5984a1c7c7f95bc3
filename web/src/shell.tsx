import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale, Me } from '../../src/http/api-types';
import { patch, post } from './api/client';
import { ME_KEY } from './api/me';
import { useSession } from './api/session';
import { LanguageSwitcher } from './components/language-switcher';
import { changeLocale, chosenLocaleOf } from './i18n/setup';
import { Link, matchPath, navigate, useLocation } from './lib/router';
import { isFrontLine, navFor, PAGES, pagesFor } from './pages/registry';

/** Header (organization, language, user), role-aware navigation, and the page of the current path. */
export function Shell() {
  const { t, i18n } = useTranslation();
  const me = useSession();
  const { path } = useLocation();
  const queryClient = useQueryClient();
  // On a narrow screen the navigation folds behind a button and folds again after a choice.
  const [navOpen, setNavOpen] = useState(false);
  const [navPath, setNavPath] = useState(path);
  if (navPath !== path) {
    setNavPath(path);
    setNavOpen(false);
  }
  const pages = pagesFor(me.permissions);
  const nav = navFor(me.permissions);
  const home = homeOf(
    me.permissions,
    nav.map((p) => p.path),
  );

  // A language the user chose wins; an account that never chose one keeps the login page's.
  const chosen = chosenLocaleOf(me.user);
  useEffect(() => {
    if (chosen && chosen !== i18n.language) void changeLocale(chosen);
  }, [chosen, i18n]);
  const chooseLanguage = useMutation({
    mutationFn: (locale: Locale) => patch<Me>('/me', { locale }),
    onSuccess: (answer) => queryClient.setQueryData(ME_KEY, answer),
  });

  useEffect(() => {
    if (path === '/' && home) navigate(home, { replace: true });
  }, [path, home]);

  const logout = useMutation({
    mutationFn: () => post('/auth/logout'),
    onSettled: () => {
      queryClient.clear();
      queryClient.setQueryData(ME_KEY, null);
      navigate('/');
    },
  });

  // Every page is matched, so a page one may not open says so instead of falling to another route.
  let match: { page: (typeof pages)[number]; params: Record<string, string> } | undefined;
  for (const page of PAGES) {
    const params = matchPath(page.path, path);
    if (params) {
      match = { page, params };
      break;
    }
  }
  const allowed = match && pages.includes(match.page);
  const Page = allowed ? match?.page.component : undefined;

  return (
    <div className="shell">
      <a className="skip" href="#main">
        {t('shell.skip')}
      </a>
      <header className="topbar">
        <button
          type="button"
          className="nav-toggle"
          data-testid="nav-toggle"
          aria-controls="sidebar"
          aria-expanded={navOpen}
          onClick={() => setNavOpen((open) => !open)}
        >
          {t('shell.menu')}
        </button>
        <span className="brand">Orientir</span>
        <span className="org" data-testid="org-name">
          {me.org.name}
        </span>
        <span className="spacer" />
        <LanguageSwitcher onPick={me.user ? (l) => chooseLanguage.mutate(l) : undefined} />
        {me.user && <span className="user">{me.user.email}</span>}
        {me.kind === 'session' && (
          <button type="button" onClick={() => logout.mutate()}>
            {t('shell.logout')}
          </button>
        )}
      </header>
      <nav id="sidebar" className={navOpen ? 'sidebar open' : 'sidebar'} aria-label={t('shell.navigation')}>
        <ul>
          {nav.map((p) => (
            <li key={p.path}>
              <Link
                to={p.path}
                aria-current={path === p.path || path.startsWith(`${p.path}/`) ? 'page' : undefined}
              >
                {t(p.navKey!)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p className="loading">{t('common.loading')}</p>}>
          {Page ? (
            <Page key={match!.page.path} params={match!.params} />
          ) : path === '/' ? null : match ? (
            <section data-testid="no-access">
              <h1>{t('shell.noAccess')}</h1>
              <p>{t('shell.noAccessHelp')}</p>
              <p>
                <Link to="/">{t('shell.home')}</Link>
              </p>
            </section>
          ) : (
            <section>
              <h1>{t('shell.notFound')}</h1>
              <p>
                <Link to="/">{t('shell.home')}</Link>
              </p>
            </section>
          )}
        </Suspense>
      </main>
    </div>
  );
}

/** Agents start at their queue; everyone else at the overview, or the first page they may see. */
function homeOf(permissions: readonly string[], navPaths: string[]): string | undefined {
  if (isFrontLine(permissions) && navPaths.includes('/cases')) return '/cases';
  return navPaths.includes('/overview') ? '/overview' : navPaths[0];
}
