import { defineEvents } from '../../events/bus';

/** The loyalty module's events: their payloads (below) and what each means. */
export const loyaltyEvents = defineEvents({
  'referral.qualified': {
    webhook: true,
    summary:
      "A referred customer's first purchase stood through the qualifying period: the referral counts (the referrer's lifecycle reads it)",
  },
  'referral.rewarded': {
    webhook: true,
    summary: 'Both customers of a qualified referral earned their points',
  },
  'offer.converted': {
    webhook: true,
    summary:
      "A customer bought within an offer's conversion window after its exposure: shown the offer, or held out of it as the control group",
  },
  'loyalty.points_earned': {
    webhook: true,
    summary:
      'A customer earned points (a purchase, a referral, a campaign…): the entry, its source and the new balance',
  },
  'loyalty.points_expired': {
    webhook: true,
    summary: "A customer's points expired: one per customer per expiry run, with the lots' points",
  },
  'loyalty.points_adjusted': {
    webhook: true,
    summary: 'Points were added or taken by hand, with the reason and the user',
  },
  'loyalty.invariant_broken': {
    webhook: true,
    summary: 'The nightly ledger check found accounts whose balance, entries and lots disagree',
  },
});

declare module '../../events/bus' {
  interface DomainEvents {
    'referral.qualified': {
      orgId: string;
      referralId: string;
      referrerId: string;
      referredId: string;
      purchaseEventId: string;
      qualifiedAt: Date;
    };
    'referral.rewarded': {
      orgId: string;
      referralId: string;
      referrerId: string;
      referredId: string;
      referrerPoints: number;
      referredPoints: number;
    };
    'offer.converted': {
      orgId: string;
      offerId: string;
      customerId: string;
      arm: 'shown' | 'holdout';
      eventId: string;
      convertedAt: Date;
      revenueMinor: number;
    };
    'loyalty.points_earned': {
      orgId: string;
      customerId: string;
      externalId: string;
      entryId: string;
      points: number;
      /** The balance after the entry. */
      balance: number;
      reason: string;
      sourceKind: string;
      sourceId: string | null;
      expiresAt: Date | null;
    };
    'loyalty.points_expired': {
      orgId: string;
      customerId: string;
      externalId: string;
      entryId: string;
      /** Negative: the points that expired. */
      points: number;
      balance: number;
    };
    'loyalty.points_adjusted': {
      orgId: string;
      customerId: string;
      externalId: string;
      entryId: string;
      points: number;
      balance: number;
      reason: string;
      userId: string | null;
    };
    'loyalty.invariant_broken': { orgId: string; runId: string; breakCount: number; accountsChecked: number };
  }
  interface ModuleEvents {
    loyalty: typeof loyaltyEvents;
  }
}
