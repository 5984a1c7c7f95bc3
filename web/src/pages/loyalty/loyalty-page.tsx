import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../api/session';
import { Tabs, useTab } from '../../components/tabs';
import { LOYALTY_TABS } from './tabs';

/** The loyalty program: points, tiers, rewards, referrals, offers and what each perk is worth. */
export default function LoyaltyPage() {
  const { t } = useTranslation();
  const me = useSession();
  const tabs = LOYALTY_TABS.filter((x) => !x.permission || me.permissions.includes(x.permission));
  const current = useTab(tabs.map((x) => x.key));
  const Tab = tabs.find((x) => x.key === current)?.component;
  return (
    <section className="stack">
      <h1>{t('loyalty.title')}</h1>
      <Tabs label={t('loyalty.title')} tabs={tabs.map((x) => ({ key: x.key, labelKey: x.labelKey }))} />
      <Suspense fallback={<p aria-busy="true">{t('common.loading')}</p>}>{Tab && <Tab />}</Suspense>
    </section>
  );
}
