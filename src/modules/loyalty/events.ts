import { defineEvents } from '../../events/bus';

/** The loyalty module's events: their payloads (below) and what each means. */
export const loyaltyEvents = defineEvents({
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
