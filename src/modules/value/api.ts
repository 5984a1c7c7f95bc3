// What other modules may call: the customer's stored value, and the hook for case handling time.
import type { Executor } from '../../db/database';
import { findCustomerValue, type ValueRow } from './data/repo-values';

export {
  type CaseHours,
  type CaseHoursSource,
  type GestureCost,
  type GestureCostSource,
  registerCaseHoursSource,
  registerGestureCostSource,
} from './use-cases/cost-sources';

export type CustomerValue = Omit<ValueRow, 'customerId'>;

/** The customer's latest value score and tier, or undefined until scored (offers, loyalty). */
export async function findCustomerValueScore(
  tx: Executor,
  orgId: string,
  customerId: string,
): Promise<CustomerValue | undefined> {
  const row = await findCustomerValue(tx, orgId, customerId);
  if (!row) return undefined;
  const { customerId: _id, ...value } = row;
  return value;
}
