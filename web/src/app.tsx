import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { FirstRunStatus } from '../../src/http/api-types';
import { get } from './api/client';
import { useMe } from './api/me';
import { SessionProvider } from './api/session';
import { ErrorMessage } from './components/error-message';
import { LoginPage } from './login-page';
import { FIRST_RUN_KEY, SetupPage } from './setup-page';
import { Shell } from './shell';

/** A fresh instance opens its set-up page; otherwise the login page. */
function SetupOrLogin() {
  const { t } = useTranslation();
  const firstRun = useQuery({ queryKey: FIRST_RUN_KEY, queryFn: () => get<FirstRunStatus>('/setup') });
  if (firstRun.isPending) return <p className="loading">{t('common.loading')}</p>;
  return firstRun.data?.needed ? <SetupPage /> : <LoginPage />;
}

/** Set-up or login when nobody is logged in, the shell otherwise. */
export function App() {
  const { t } = useTranslation();
  const me = useMe();
  if (me.isPending) return <p className="loading">{t('common.loading')}</p>;
  if (me.isError) return <ErrorMessage error={me.error} />;
  if (!me.data) return <SetupOrLogin />;
  return (
    <SessionProvider me={me.data}>
      <Shell />
    </SessionProvider>
  );
}
