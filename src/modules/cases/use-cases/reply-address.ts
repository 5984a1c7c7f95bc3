import type { Executor } from '../../../db/database';
import { findCustomer } from '../../customers/api';
import { findResponseContact } from '../../surveys/api';
import { type ReplyObstacle, replyObstacle } from '../domain/reply';

/**
 * Where a reply to the case goes: the customer's e-mail, or else the e-mail an (often anonymous)
 * respondent left with the case's answer when they agreed to be contacted.
 */
export type ReplyAddress = { email: string; locale: string | null; via: 'customer' | 'contact' };

export type ReplyRoute =
  | { address: ReplyAddress; obstacle: null }
  | { address: null; obstacle: ReplyObstacle };

export async function findReplyRoute(
  tx: Executor,
  orgId: string,
  c: { customerId: string | null; responseId: string | null },
): Promise<ReplyRoute & { customerLocale: string | null }> {
  const customer = c.customerId ? await findCustomer(tx, orgId, c.customerId) : undefined;
  const customerLocale = customer?.locale ?? null;
  const obstacle = replyObstacle(customer);
  if (!obstacle && customer?.email)
    return {
      address: { email: customer.email, locale: customerLocale, via: 'customer' },
      obstacle,
      customerLocale,
    };
  // An erased customer's contacts were erased with them; nothing else may reach them.
  const contact =
    obstacle !== 'erased' && c.responseId ? await findResponseContact(tx, orgId, c.responseId) : undefined;
  if (contact?.email)
    return {
      address: { email: contact.email, locale: contact.locale, via: 'contact' },
      obstacle: null,
      customerLocale,
    };
  return { address: null, obstacle: obstacle ?? 'no_email', customerLocale };
}
