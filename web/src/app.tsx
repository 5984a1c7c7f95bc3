import { useTranslation } from 'react-i18next';
import { useMe } from './api/me';
import { SessionProvider } from './api/session';
import { ErrorMessage } from './components/error-message';
import { LoginPage } from './login-page';
import { Shell } from './shell';

/** Login when nobody is logged in, the shell otherwise. */
export function App() {
  const { t } = useTranslation();
  const me = useMe();
  if (me.isPending) return <p className="loading">{t('common.loading')}</p>;
  if (me.isError) return <ErrorMessage error={me.error} />;
  if (!me.data) return <LoginPage />;
  return (
    <SessionProvider me={me.data}>
      <Shell />
    </SessionProvider>
  );
}
