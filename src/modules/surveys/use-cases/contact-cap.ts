import type { Executor } from '../../../db/database';
import { countContactsSince, lockCustomerContacts, recordContact } from '../data/repo-invitations';
import { findSettings } from '../data/repo-settings';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Asks the organization's contact frequency cap whether the customer may be asked now; when
 * yes, the contact is recorded in the same transaction so that the next ask sees it.
 */
export async function claimContact(
  tx: Executor,
  orgId: string,
  c: { customerId: string; surveyId: string; channel: string; now: Date },
): Promise<boolean> {
  const settings = await findSettings(tx, orgId);
  if (settings.contactCapDays > 0) {
    await lockCustomerContacts(tx, orgId, c.customerId);
    const since = new Date(c.now.getTime() - settings.contactCapDays * DAY_MS);
    if ((await countContactsSince(tx, orgId, c.customerId, since)) >= settings.contactCapMax) return false;
  }
  await recordContact(tx, orgId, {
    customerId: c.customerId,
    surveyId: c.surveyId,
    channel: c.channel,
    at: c.now,
  });
  return true;
}
