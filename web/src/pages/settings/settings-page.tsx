import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../api/session';
import { Tabs, useTab } from '../../components/tabs';
import { SETTINGS_SECTIONS } from './sections';

/** Settings: one tab per section the principal may see; sections come from their own registry. */
export default function SettingsPage() {
  const { t } = useTranslation();
  const me = useSession();
  const sections = SETTINGS_SECTIONS.filter((s) => !s.permission || me.permissions.includes(s.permission));
  const tab = useTab(sections.map((s) => s.key));
  const Section = sections.find((s) => s.key === tab)?.component;
  return (
    <section>
      <h1>{t('settings.title')}</h1>
      <Tabs label={t('settings.title')} tabs={sections.map((s) => ({ key: s.key, labelKey: s.labelKey }))} />
      <Suspense fallback={<p className="loading">{t('common.loading')}</p>}>
        {Section && <Section />}
      </Suspense>
    </section>
  );
}
