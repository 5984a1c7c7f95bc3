import { defineEvents } from '../../events/bus';

/** The loyalty module's events: their payloads (below) and what each means. */
export const loyaltyEvents = defineEvents({
  'loyalty.tier_changed': {
    webhook: true,
    summary:
      "A customer's tier changed (up at once, down as the downgrade policy decides), with what they qualified with",
  },
  'loyalty.tier_downgrade_pending': {
    webhook: true,
    summary:
      "A customer's tier will drop at the coming period end unless they qualify again: sent once, the notice days before",
  },
  'loyalty.points_expiring': {
    webhook: true,
    summary: "A customer's points will expire within the notice days: once per lot, one per customer per run",
  },
  'loyalty.redeemed': {
    webhook: true,
    summary:
      'A customer redeemed points, for a reward or for points alone: the redemption, its spend entry and the new balance',
  },
  'loyalty.redemption_cancelled': {
    webhook: true,
    summary: "A redemption was cancelled: its points came back as a new entry, the reward's stock with them",
  },
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
  'perk.assessed': {
    webhook: true,
    summary:
      "A perk's verdict for a period changed: pays for itself, costs more than it brings, or not enough data yet, with the net effect per customer",
  },
});

declare module '../../events/bus' {
  interface DomainEvents {
    'perk.assessed': {
      orgId: string;
      perkId: string;
      code: string;
      periodFrom: string;
      periodTo: string;
      windowDays: number;
      verdict: 'pays_for_itself' | 'costs_more' | 'not_enough_data';
      previousVerdict: string | null;
      reason: string;
      pairs: number;
      /** Revenue gained minus the perk's cost per matched customer (base currency, minor units), with its 95% interval. */
      netPerCustomerMinor: number | null;
      netCi95: [number, number] | null;
    };
    'loyalty.tier_changed': {
      orgId: string;
      customerId: string;
      externalId: string;
      from: string | null;
      to: string | null;
      direction: 'up' | 'down';
      /** Points earned, or minor units of the base currency spent, in the window. */
      qualification: number;
      basis: 'points_earned' | 'spend';
      changedAt: Date;
    };
    'loyalty.tier_downgrade_pending': {
      orgId: string;
      customerId: string;
      externalId: string;
      tier: string;
      /** The tier the customer drops to at `at` unless they qualify again (null: none). */
      to: string | null;
      at: Date;
      qualification: number;
      /** What is still missing to keep the tier. */
      missing: number;
      basis: 'points_earned' | 'spend';
    };
    'loyalty.points_expiring': {
      orgId: string;
      customerId: string;
      externalId: string;
      /** Points expiring within the notice days (the lots not noticed before). */
      points: number;
      /** The soonest expiry among them. */
      expiresAt: Date;
      balance: number;
      lots: { lotId: string; points: number; expiresAt: Date }[];
    };
    'loyalty.redeemed': {
      orgId: string;
      redemptionId: string;
      customerId: string;
      externalId: string;
      rewardId: string | null;
      points: number;
      spendEntryId: string;
      balance: number;
      redeemedAt: Date;
    };
    'loyalty.redemption_cancelled': {
      orgId: string;
      redemptionId: string;
      customerId: string;
      externalId: string;
      rewardId: string | null;
      points: number;
      restoreEntryId: string;
      cancelledAt: Date;
    };
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
