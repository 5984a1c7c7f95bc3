import { readGrant, writeGrant } from '../grants';
import type { Module } from '../registry';
import { loyaltyEvents } from './events';
import { basketRoutes } from './http/routes-basket';
import { basketSettingsSection } from './http/settings-basket';
import { MINE_ALL_BASKET_RULES_JOB, MINE_BASKET_RULES_JOB } from './use-cases/basket-rules';
import { basketCustomerExtensions } from './use-cases/recommendations';

const WEEK_SECONDS = 7 * 86_400;

/**
 * Loyalty and personalisation, its manifest: the points ledger, earn rules, tiers, rewards and
 * redemptions, referrals, offers with their holdouts, and whether each perk is worth its cost.
 */
export const loyaltyModule: Module = {
  name: 'loyalty',
  permissions: [readGrant('loyalty:read'), writeGrant('loyalty:write', ['manager'])],
  routes: async (app) => {
    await basketRoutes(app);
  },
  jobs: [MINE_BASKET_RULES_JOB, MINE_ALL_BASKET_RULES_JOB],
  // Basket rules are mined again every week.
  schedules: [
    { job: MINE_ALL_BASKET_RULES_JOB, everySeconds: WEEK_SECONDS, firstRunAfterSeconds: WEEK_SECONDS },
  ],
  settings: [basketSettingsSection],
  profile: (ctx) => [...basketCustomerExtensions(ctx)],
  events: loyaltyEvents,
  isolation: {},
};

declare module '../registry' {
  /** The permissions this module defines; their grants are its manifest's `permissions`. */
  interface Permissions {
    'loyalty:read': true;
    'loyalty:write': true;
  }
}
