import type { CustomerExtension } from '../../customers/api';
import { blankGrantNotes, pageGrants } from '../data/repo-goodwill';

/** What the people module holds about a customer: goodwill granted (profile, export, erasure). */
export const peopleExtensions: CustomerExtension[] = [
  {
    name: 'goodwill',
    profile: async (tx, orgId, customerId) => {
      const grants = await pageGrants(tx, orgId, { customerId }, 5);
      return grants.slice(0, 5).map(({ id, caseId, kind, amountMinor, grantedAt }) => ({
        id,
        caseId,
        kind,
        amountMinor,
        grantedAt,
      }));
    },
    export: async (tx, orgId, customerId) =>
      (await pageGrants(tx, orgId, { customerId }, 100_000)).map(({ orgId: _o, customerId: _c, ...g }) => g),
    erase: (tx, orgId, customerId) => blankGrantNotes(tx, orgId, customerId),
  },
];
