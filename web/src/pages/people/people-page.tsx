import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../api/session';
import { Tabs, useTab } from '../../components/tabs';
import { PEOPLE_TABS } from './tabs';

/** The inside of the company: structure, staff surveys, internal clients, SOCO, training, audits, recognition. */
export default function PeoplePage() {
  const { t } = useTranslation();
  const me = useSession();
  const tabs = PEOPLE_TABS.filter((x) => !x.permission || me.permissions.includes(x.permission));
  const current = useTab(tabs.map((x) => x.key));
  const Tab = tabs.find((x) => x.key === current)?.component;
  return (
    <section className="stack">
      <h1>{t('people.title')}</h1>
      <Tabs label={t('people.title')} tabs={tabs.map((x) => ({ key: x.key, labelKey: x.labelKey }))} />
      <Suspense fallback={<p aria-busy="true">{t('common.loading')}</p>}>{Tab && <Tab />}</Suspense>
    </section>
  );
}
