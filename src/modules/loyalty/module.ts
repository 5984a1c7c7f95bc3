import { loyaltyBasketStep } from '../../demo/step-loyalty-basket';
import { loyaltyLedgerStep } from '../../demo/step-loyalty-ledger';
import { loyaltyOffersStep } from '../../demo/step-loyalty-offers';
import { loyaltyPerksStep } from '../../demo/step-loyalty-perks';
import { loyaltyReferralsStep } from '../../demo/step-loyalty-referrals';
import { loyaltyTiersStep } from '../../demo/step-loyalty-tiers';
import { onBatch } from '../../events/bus';
import { readGrant, writeGrant } from '../grants';
import type { Module } from '../registry';
import { loyaltyEvents } from './events';
import { basketRoutes } from './http/routes-basket';
import { ledgerRoutes } from './http/routes-ledger';
import { offerRoutes } from './http/routes-offers';
import { perkRoutes } from './http/routes-perks';
import { referralRoutes } from './http/routes-referrals';
import { rewardRoutes } from './http/routes-rewards';
import { tierRoutes } from './http/routes-tiers';
import { basketSettingsSection } from './http/settings-basket';
import { programSettings } from './http/settings-program';
import { referralSettings } from './http/settings-referrals';
import { tierSettings } from './http/settings-tiers';
import { ASSESS_PERK_JOB } from './use-cases/assess-perk';
import { MINE_ALL_BASKET_RULES_JOB, MINE_BASKET_RULES_JOB } from './use-cases/basket-rules';
import { earnFromRecordedEvents } from './use-cases/earn-events';
import { CHECK_ALL_JOB, CHECK_LEDGER_JOB, EXPIRE_ALL_JOB, EXPIRE_POINTS_JOB } from './use-cases/expiry';
import { OFFER_EMAIL_JOB } from './use-cases/offer-emails';
import { takeOfferPurchases } from './use-cases/offers';
import { perkExtensions } from './use-cases/perk-extension';
import { takePerkEvents } from './use-cases/perk-grants';
import { ledgerExtensions } from './use-cases/points-extension';
import { basketCustomerExtensions } from './use-cases/recommendations';
import { referralOfferExtensions } from './use-cases/referral-extensions';
import {
  REFERRAL_ORG_JOB,
  REFERRAL_REWARDS_JOB,
  takeNewCustomers,
  takeReferralEvents,
} from './use-cases/referrals';
import { tierCustomerExtensions } from './use-cases/tier-customer-extension';
import { NOTICE_MAIL_JOB, TIER_JOB, TIERS_ALL_JOB, takeEarnings } from './use-cases/tier-engine';

const WEEK_SECONDS = 7 * 86_400;

/**
 * Loyalty and personalisation, its manifest: the points ledger, earn rules, tiers, rewards and
 * redemptions, referrals, offers with their holdouts, and whether each perk is worth its cost.
 */
export const loyaltyModule: Module = {
  name: 'loyalty',
  permissions: [readGrant('loyalty:read'), writeGrant('loyalty:write', ['manager'])],
  routes: async (app) => {
    await ledgerRoutes(app);
    await tierRoutes(app);
    await rewardRoutes(app);
    await referralRoutes(app);
    await offerRoutes(app);
    await basketRoutes(app);
    await perkRoutes(app);
  },
  jobs: [
    EXPIRE_POINTS_JOB,
    CHECK_LEDGER_JOB,
    EXPIRE_ALL_JOB,
    CHECK_ALL_JOB,
    TIER_JOB,
    TIERS_ALL_JOB,
    NOTICE_MAIL_JOB,
    REFERRAL_REWARDS_JOB,
    REFERRAL_ORG_JOB,
    OFFER_EMAIL_JOB,
    MINE_BASKET_RULES_JOB,
    MINE_ALL_BASKET_RULES_JOB,
    ASSESS_PERK_JOB,
  ],
  // Basket rules are mined again every week.
  schedules: [
    // Points past their expiry expire every day; the ledger's invariant is checked every night.
    { job: EXPIRE_ALL_JOB, everySeconds: 86_400 },
    { job: CHECK_ALL_JOB, everySeconds: 86_400, firstRunAfterSeconds: 3_600 },
    // Tiers are reviewed, and notices sent, every day.
    { job: TIERS_ALL_JOB, everySeconds: 86_400 },
    // Referrals whose qualifying period is over are rewarded once a day.
    { job: REFERRAL_REWARDS_JOB, everySeconds: 86_400 },
    { job: MINE_ALL_BASKET_RULES_JOB, everySeconds: WEEK_SECONDS, firstRunAfterSeconds: WEEK_SECONDS },
  ],
  settings: [programSettings, tierSettings, referralSettings, basketSettingsSection],
  profile: (ctx) => [
    ...ledgerExtensions,
    ...tierCustomerExtensions(ctx),
    ...referralOfferExtensions,
    ...basketCustomerExtensions(ctx),
    ...perkExtensions,
  ],
  subscribers: [
    // Purchases and referrals earn points by the program's rules; refunds naming a purchase reverse them.
    onBatch('event.recorded', earnFromRecordedEvents),
    // Points just earned lift the earners' tiers at once.
    onBatch('loyalty.points_earned', takeEarnings),
    // New customers and purchases naming a referral code; first purchases and refunds of the referred;
    // purchases converting offers' exposures.
    onBatch('customer.created', takeNewCustomers),
    onBatch('event.recorded', takeReferralEvents),
    onBatch('event.recorded', takeOfferPurchases),
    // Events naming a perk grant it as they arrive.
    onBatch('event.recorded', takePerkEvents),
  ],
  events: loyaltyEvents,
  demo: [
    { order: 50, step: loyaltyLedgerStep },
    { order: 51, step: loyaltyTiersStep },
    { order: 52, step: loyaltyReferralsStep },
    { order: 53, step: loyaltyBasketStep },
    { order: 54, step: loyaltyOffersStep },
    { order: 55, step: loyaltyPerksStep },
  ],
  isolation: {
    '/api/v1/customers/:externalId/points': {
      sql: `select external_id as "externalId" from customers where org_id = $1 and erased_at is null limit 1`,
    },
    '/api/v1/loyalty/earn-rules/:id': {
      sql: `select id from loyalty_earn_rules where org_id = $1 limit 1`,
      bodies: { PATCH: { name: 'renamed by another tenant' } },
    },
    '/api/v1/loyalty/tiers/:id': {
      sql: `select id from loyalty_tiers where org_id = $1 limit 1`,
      bodies: { PATCH: { name: 'renamed by another tenant' } },
    },
    '/api/v1/loyalty/rewards/:id': {
      sql: `select id from loyalty_rewards where org_id = $1 limit 1`,
      bodies: { PATCH: { name: 'renamed by another tenant' } },
    },
    '/api/v1/loyalty/redemptions/:id': {
      sql: `select id from loyalty_redemptions where org_id = $1 limit 1`,
    },
    '/api/v1/loyalty/redemptions/:id/cancel': {
      sql: `select id from loyalty_redemptions where org_id = $1 and status = 'redeemed' limit 1`,
      bodies: { POST: {} },
    },
    '/api/v1/customers/:externalId/referral': {
      sql: `select external_id as "externalId" from customers where org_id = $1 and erased_at is null limit 1`,
    },
    '/api/v1/customers/:externalId/offers': {
      sql: `select external_id as "externalId" from customers where org_id = $1 and erased_at is null limit 1`,
    },
    '/api/v1/loyalty/offers/:id': {
      sql: `select id from loyalty_offers where org_id = $1 limit 1`,
      bodies: { PATCH: { name: 'renamed by another tenant' } },
    },
    '/api/v1/loyalty/offers/:id/results': { sql: `select id from loyalty_offers where org_id = $1 limit 1` },
    '/api/v1/loyalty/offers/:id/send': { sql: `select id from loyalty_offers where org_id = $1 limit 1` },
    '/api/v1/loyalty/perks/:id': {
      sql: `select id from loyalty_perks where org_id = $1 limit 1`,
      bodies: { PATCH: { name: 'renamed by another tenant' } },
    },
    '/api/v1/loyalty/perks/:id/worth': {
      sql: `select id from loyalty_perks where org_id = $1 limit 1`,
      bodies: { POST: {} },
    },
  },
};

declare module '../registry' {
  /** The permissions this module defines; their grants are its manifest's `permissions`. */
  interface Permissions {
    'loyalty:read': true;
    'loyalty:write': true;
  }
}
