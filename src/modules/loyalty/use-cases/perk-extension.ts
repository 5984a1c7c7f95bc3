import type { CustomerExtension } from '../../customers/api';
import { deleteGrantsOfCustomer, grantsOfCustomer } from '../data/repo-perks';

/** What the perks part holds about a customer: the perks they got (profile, export); erasure forgets them. */
export const perkExtensions: CustomerExtension[] = [
  {
    name: 'perks',
    profile: async (tx, orgId, customerId) =>
      (await grantsOfCustomer(tx, orgId, customerId, 10)).map(({ perkId, code, name, grantedAt }) => ({
        perkId,
        code,
        name,
        grantedAt,
      })),
    export: (tx, orgId, customerId) => grantsOfCustomer(tx, orgId, customerId, 100_000),
    erase: (tx, orgId, customerId) => deleteGrantsOfCustomer(tx, orgId, customerId),
  },
];
