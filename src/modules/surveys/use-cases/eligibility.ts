import type { Executor } from '../../../db/database';
import type { CustomerRef } from '../../customers/api';
import { hasOptedOut } from '../data/repo-invitations';
import type { SKIP_REASONS } from '../http/schemas';

export type SkipReason = (typeof SKIP_REASONS)[number];

/** Why a customer may not get a survey e-mail now, or undefined when they may. */
export async function emailBlocker(
  tx: Executor,
  orgId: string,
  customer: CustomerRef,
): Promise<SkipReason | undefined> {
  if (customer.erasedAt) return 'erased';
  if (!customer.email) return 'no_email';
  if (customer.consent?.email === false) return 'no_consent';
  if (await hasOptedOut(tx, orgId, customer.id, 'email')) return 'unsubscribed';
  return undefined;
}
