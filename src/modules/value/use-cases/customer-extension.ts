import type { CustomerExtension } from '../../customers/api';
import { findCustomerValue, listTierHistory } from '../data/repo-values';

const HISTORY_LIMIT = 50;

/** The profile's `value` section: the customer's latest score and tier history (null until scored). */
const describeValue = async (
  tx: Parameters<typeof findCustomerValue>[0],
  orgId: string,
  customerId: string,
) => {
  const value = await findCustomerValue(tx, orgId, customerId);
  if (!value) return null;
  const { customerId: _id, ...rest } = value;
  return { ...rest, tierHistory: await listTierHistory(tx, orgId, customerId, HISTORY_LIMIT) };
};

export const valueExtensions: CustomerExtension[] = [
  { name: 'value', profile: describeValue, export: describeValue },
];
