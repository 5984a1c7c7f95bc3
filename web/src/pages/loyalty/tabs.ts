import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import type { Permission } from '../../../../src/http/api-types';

/**
 * The tabs of the Loyalty page, in their order: each capability of the loyalty program adds one line
 * here and its component file beside this one.
 */
export type LoyaltyTab = {
  key: string;
  labelKey: string;
  /** The permission the tab needs beyond `loyalty:read`, if any. */
  permission?: Permission;
  component: LazyExoticComponent<ComponentType>;
};

export const LOYALTY_TABS: LoyaltyTab[] = [
  { key: 'points', labelKey: 'loyalty.tab.points', component: lazy(() => import('./points-tab')) },
  { key: 'tiers', labelKey: 'loyalty.tab.tiers', component: lazy(() => import('./tiers-tab')) },
  { key: 'rewards', labelKey: 'loyalty.tab.rewards', component: lazy(() => import('./rewards-tab')) },
  { key: 'referrals', labelKey: 'loyalty.tab.referrals', component: lazy(() => import('./referrals-tab')) },
  { key: 'offers', labelKey: 'loyalty.tab.offers', component: lazy(() => import('./offers-tab')) },
  { key: 'basket', labelKey: 'loyalty.tab.basket', component: lazy(() => import('./basket-tab')) },
  { key: 'perks', labelKey: 'loyalty.tab.perks', component: lazy(() => import('./perks-tab')) },
];
