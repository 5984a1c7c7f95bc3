import { readGrant, writeGrant } from '../grants';
import type { Module } from '../registry';
import { loyaltyEvents } from './events';

/**
 * Loyalty and personalisation, its manifest: the points ledger, earn rules, tiers, rewards and
 * redemptions, referrals, offers with their holdouts, and whether each perk is worth its cost.
 */
export const loyaltyModule: Module = {
  name: 'loyalty',
  permissions: [readGrant('loyalty:read'), writeGrant('loyalty:write', ['manager'])],
  routes: async () => {},
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
