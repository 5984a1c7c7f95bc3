import type { CustomerExtension } from '../../customers/api';
import { blankGrantNotes, pageGrants } from '../data/repo-goodwill';
import { forgetCustomer, pageFeed } from '../data/repo-recognition';

/** What the people module holds about a customer: goodwill granted, praise given (profile, export, erasure). */
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
  {
    name: 'praise',
    export: async (tx, orgId, customerId) =>
      (await pageFeed(tx, orgId, { customerId }, 100_000)).map((p) => ({
        comment: p.comment,
        score: p.score,
        metric: p.metric,
        receivedAt: p.receivedAt,
        for: p.recipients.map((r) => r.name),
      })),
    erase: (tx, orgId, customerId) => forgetCustomer(tx, orgId, customerId),
  },
];
