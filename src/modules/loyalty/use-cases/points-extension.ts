/** What the ledger holds about a customer: balance, lots expiring next and recent entries on the profile; all of it in the export; erasure blanks the reasons. */
import type { CustomerExtension } from '../../customers/api';
import {
  allEntries,
  allLots,
  blankEntries,
  expiringLots,
  findAccount,
  pageEntries,
} from '../data/repo-points';

/** Entries the profile shows, newest first. */
const RECENT = 5;

export const ledgerExtensions: CustomerExtension[] = [
  {
    name: 'points',
    profile: async (tx, orgId, customerId) => {
      const account = await findAccount(tx, orgId, customerId);
      if (!account) return null;
      const recent = await pageEntries(tx, orgId, customerId, RECENT);
      return {
        balance: account.balance,
        earnedTotal: account.earnedTotal,
        debt: account.debt,
        expiringSoon: await expiringLots(tx, orgId, customerId, 3),
        recentEntries: recent.slice(0, RECENT).map((e) => ({
          id: e.id,
          kind: e.kind,
          points: e.points,
          reason: e.reason,
          sourceKind: e.sourceKind,
          occurredAt: e.occurredAt,
        })),
      };
    },
    export: async (tx, orgId, customerId) => {
      const account = await findAccount(tx, orgId, customerId);
      if (!account) return null;
      return {
        ...account,
        entries: (await allEntries(tx, orgId, customerId)).map((e) => ({ ...e })),
        lots: await allLots(tx, orgId, customerId),
      };
    },
    erase: (tx, orgId, customerId) => blankEntries(tx, orgId, customerId),
  },
];
