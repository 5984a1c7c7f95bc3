import type { Executor } from '../../../db/database';
import { findCustomer } from '../../customers/api';
import { findUserRef } from '../../orgs/api';

/** The customer's breakdown values at answer time ('' when unknown). */
export type CustomerDimensions = { stage: string; segment: string; tier: string; team: string };

export const NO_CUSTOMER: CustomerDimensions = { stage: '', segment: '', tier: '', team: '' };

const text = (v: unknown) => (typeof v === 'string' ? v.slice(0, 200) : '');

/** Stage, RFM segment and tier of the customer; the team is the owner's (or an attribute `team`). */
export async function dimensionsOfCustomer(
  tx: Executor,
  orgId: string,
  customerId: string | null,
): Promise<CustomerDimensions> {
  const c = customerId ? await findCustomer(tx, orgId, customerId) : undefined;
  if (!c) return NO_CUSTOMER;
  const owner = c.ownerId ? await findUserRef(tx, orgId, c.ownerId) : undefined;
  return {
    stage: c.lifecycleStage ?? '',
    segment: text(c.rfmSegment ?? c.attributes?.segment),
    tier: c.serviceTier ?? '',
    team: owner?.team ?? text(c.attributes?.team),
  };
}
