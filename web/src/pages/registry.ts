import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import type { Permission } from '../../../src/http/api-types';
import { matchPath } from '../lib/router';

export type PageProps = { params: Record<string, string> };

/**
 * One dashboard page: its route, the catalogue key of its navigation label (none for detail
 * pages), the permission needed to open it, and its component, loaded on first visit.
 * A new capability brings its page by adding an entry here.
 */
export type PageDef = {
  path: string;
  navKey?: string;
  permission?: Permission;
  /** Back-office pages stay out of the navigation of front-line agents (they remain reachable by link). */
  backOffice?: boolean;
  component: LazyExoticComponent<ComponentType<PageProps>> & { preload: () => Promise<PageModule> };
};

type PageModule = { default: ComponentType<PageProps> };

/** A page loaded on first visit; `preload` fetches its code earlier, e.g. while the app starts. */
const page = (load: () => Promise<PageModule>) => Object.assign(lazy(load), { preload: load });

export const PAGES: PageDef[] = [
  {
    path: '/overview',
    backOffice: true,
    navKey: 'nav.overview',
    permission: 'analytics:read',
    component: page(() => import('./overview/overview-page')),
  },
  {
    path: '/customers',
    navKey: 'nav.customers',
    permission: 'customers:read',
    component: page(() => import('./customers/customers-page')),
  },
  {
    path: '/customers/:externalId',
    permission: 'customers:read',
    component: page(() => import('./customers/customer-profile-page')),
  },
  {
    path: '/lifecycle',
    backOffice: true,
    navKey: 'nav.lifecycle',
    permission: 'analytics:read',
    component: page(() => import('./lifecycle/lifecycle-page')),
  },
  {
    path: '/cases',
    navKey: 'nav.cases',
    permission: 'cases:read',
    component: page(() => import('./cases/cases-page')),
  },
  {
    path: '/cases/:id',
    permission: 'cases:read',
    component: page(() => import('./cases/case-page')),
  },
  {
    path: '/inbox',
    navKey: 'nav.inbox',
    permission: 'surveys:read',
    component: page(() => import('./inbox/inbox-page')),
  },
  {
    path: '/feedback',
    backOffice: true,
    navKey: 'nav.feedback',
    permission: 'analytics:read',
    component: page(() => import('./feedback/feedback-page')),
  },
  {
    path: '/value',
    backOffice: true,
    navKey: 'nav.value',
    permission: 'analytics:read',
    component: page(() => import('./value/value-page')),
  },
  {
    path: '/people',
    backOffice: true,
    navKey: 'nav.people',
    permission: 'people:read',
    component: page(() => import('./people/people-page')),
  },
  {
    path: '/loyalty',
    backOffice: true,
    navKey: 'nav.loyalty',
    permission: 'loyalty:read',
    component: page(() => import('./loyalty/loyalty-page')),
  },
  {
    path: '/surveys',
    backOffice: true,
    navKey: 'nav.surveys',
    permission: 'surveys:read',
    component: page(() => import('./surveys/surveys-page')),
  },
  {
    path: '/surveys/new',
    permission: 'surveys:write',
    component: page(() => import('./surveys/survey-new-page')),
  },
  {
    path: '/surveys/:id',
    permission: 'surveys:read',
    component: page(() => import('./surveys/survey-page')),
  },
  {
    path: '/settings',
    navKey: 'nav.settings',
    permission: 'settings:read',
    component: page(() => import('./settings/settings-page')),
  },
];

/** The pages a principal may open, in navigation order. */
export const pagesFor = (permissions: readonly string[]) =>
  PAGES.filter((p) => !p.permission || permissions.includes(p.permission));

/** An agent works cases and customers: may change cases, runs no analyses, keeps no settings. */
export const isFrontLine = (permissions: readonly string[]) =>
  permissions.includes('cases:write') &&
  !permissions.includes('analytics:run') &&
  !permissions.includes('settings:read');

/** The navigation entries of a principal. */
export const navFor = (permissions: readonly string[]) =>
  pagesFor(permissions).filter((p) => p.navKey && !(p.backOffice && isFrontLine(permissions)));

/**
 * Starts loading the code of the page at `path` at once, beside the language catalogue and the
 * session, instead of after them; a failure is left to the page's own load to report.
 */
export function preloadPageOf(path: string) {
  const match = PAGES.find((p) => matchPath(p.path, path));
  match?.component.preload().catch(() => undefined);
}
