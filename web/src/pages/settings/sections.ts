import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import type { Permission } from '../../../../src/http/api-types';

/** A settings tab: key (in `?tab=`), label, the permission to see it, and its lazily loaded form. */
export type SettingsSection = {
  key: string;
  labelKey: string;
  permission?: Permission;
  component: LazyExoticComponent<ComponentType>;
};

export const SETTINGS_SECTIONS: SettingsSection[] = [
  {
    key: 'organization',
    labelKey: 'settings.organization',
    permission: 'settings:read',
    component: lazy(() => import('./organization-section')),
  },
  {
    key: 'users',
    labelKey: 'settings.users',
    permission: 'settings:read',
    component: lazy(() => import('./users-section')),
  },
  {
    key: 'api-keys',
    labelKey: 'settings.apiKeys',
    permission: 'keys:manage',
    component: lazy(() => import('./api-keys-section')),
  },
  {
    key: 'lifecycle',
    labelKey: 'settings.lifecycle',
    permission: 'settings:read',
    component: lazy(() => import('./lifecycle-section')),
  },
  {
    key: 'currencies',
    labelKey: 'settings.currencies',
    permission: 'settings:read',
    component: lazy(() => import('./currencies-section')),
  },
  {
    key: 'value',
    labelKey: 'settings.value',
    permission: 'settings:read',
    component: lazy(() => import('./value-section')),
  },
  {
    key: 'sla',
    labelKey: 'settings.sla',
    permission: 'settings:read',
    component: lazy(() => import('./sla-section')),
  },
  {
    key: 'case-teams',
    labelKey: 'settings.caseTeams',
    permission: 'settings:read',
    component: lazy(() => import('./case-teams-section')),
  },
  {
    key: 'canned-replies',
    labelKey: 'settings.cannedReplies',
    permission: 'cases:read',
    component: lazy(() => import('./canned-replies-section')),
  },
  {
    key: 'case-rules',
    labelKey: 'settings.caseRules',
    permission: 'settings:read',
    component: lazy(() => import('./case-rules-section')),
  },
  {
    key: 'surveys',
    labelKey: 'settings.surveys',
    permission: 'settings:read',
    component: lazy(() => import('./surveys-section')),
  },
  {
    key: 'anonymity',
    labelKey: 'settings.anonymity',
    permission: 'analytics:read',
    component: lazy(() => import('./anonymity-section')),
  },
  {
    key: 'reports',
    labelKey: 'reports.title',
    permission: 'analytics:read',
    component: lazy(() => import('./reports-section')),
  },
  {
    key: 'webhooks',
    labelKey: 'settings.webhooks',
    permission: 'settings:read',
    component: lazy(() => import('./webhooks-section')),
  },
];
