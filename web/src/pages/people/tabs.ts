import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import type { Permission } from '../../../../src/http/api-types';

/**
 * The tabs of the People page, in their order: each capability of the inside of the company adds
 * one line here and its component file beside this one.
 */
export type PeopleTab = {
  key: string;
  labelKey: string;
  /** The permission the tab needs beyond `people:read`, if any. */
  permission?: Permission;
  component: LazyExoticComponent<ComponentType>;
};

export const PEOPLE_TABS: PeopleTab[] = [
  { key: 'structure', labelKey: 'people.tab.structure', component: lazy(() => import('./structure-tab')) },
  { key: 'locations', labelKey: 'people.tab.locations', component: lazy(() => import('./locations-tab')) },
  { key: 'enps', labelKey: 'people.tab.enps', component: lazy(() => import('./enps-tab')) },
  { key: 'soco', labelKey: 'people.tab.soco', component: lazy(() => import('./soco-tab')) },
  { key: 'training', labelKey: 'people.tab.training', component: lazy(() => import('./training-tab')) },
  {
    key: 'recognition',
    labelKey: 'people.tab.recognition',
    component: lazy(() => import('./recognition-tab')),
  },
  {
    key: 'agents',
    labelKey: 'people.tab.agents',
    permission: 'people:write',
    component: lazy(() => import('./agents-tab')),
  },
  {
    key: 'goodwill',
    labelKey: 'people.tab.goodwill',
    permission: 'cases:read',
    component: lazy(() => import('./goodwill-tab')),
  },
  { key: 'audits', labelKey: 'people.tab.audits', component: lazy(() => import('./audits-tab')) },
  {
    key: 'internal-clients',
    labelKey: 'people.tab.internal',
    component: lazy(() => import('./internal-clients-tab')),
  },
];
