import { useTranslation } from 'react-i18next';
import { setSearch, useLocation } from '../lib/router';

/** Tabs kept in the query string (`?tab=`), so a reload or a shared link opens the same one. */
export function useTab(keys: readonly string[]): string {
  const { search } = useLocation();
  const tab = search.get('tab');
  return tab && keys.includes(tab) ? tab : keys[0];
}

export function Tabs({ tabs, label }: { tabs: { key: string; labelKey: string }[]; label: string }) {
  const { t } = useTranslation();
  const current = useTab(tabs.map((x) => x.key));
  return (
    <nav className="tabs" aria-label={label}>
      {tabs.map((x) => (
        <button
          key={x.key}
          type="button"
          aria-current={x.key === current ? 'page' : undefined}
          onClick={() => setSearch({ tab: x.key })}
        >
          {t(x.labelKey)}
        </button>
      ))}
    </nav>
  );
}
