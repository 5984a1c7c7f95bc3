import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/database';
import { forgetIdempotentRequests } from '../../../http/idempotency';
import { customers, erasures, events } from './tables';

/**
 * Removes the person's data from this module's tables: the customer keeps only a pseudonym,
 * its stage and dates; events keep type, time, channel and amounts but lose their client ids
 * (which may embed identifiers) and free data. Requests stored for replay that name the
 * customer in their path go too.
 */
export async function erasePersonalData(
  tx: Executor,
  orgId: string,
  o: { customerId: string; externalId: string; pseudonym: string; now: Date; extensionsErased: number },
) {
  await tx
    .update(customers)
    .set({
      externalId: o.pseudonym,
      email: null,
      phone: null,
      name: null,
      locale: null,
      attributes: {},
      consent: {},
      ownerId: null,
      erasedAt: o.now,
      updatedAt: o.now,
    })
    .where(and(eq(customers.orgId, orgId), eq(customers.id, o.customerId)));
  const pseudonymised = await tx
    .update(events)
    .set({ id: sql`'erased-' || gen_random_uuid()::text`, data: {} })
    .where(and(eq(events.orgId, orgId), eq(events.customerId, o.customerId)))
    .returning({ id: events.id });
  const path = '/api/v1/customers/';
  await forgetIdempotentRequests(tx, orgId, [path + o.externalId, path + encodeURIComponent(o.externalId)]);
  await tx.insert(erasures).values({
    orgId,
    erasedAt: o.now,
    eventsPseudonymised: pseudonymised.length,
    extensionsErased: o.extensionsErased,
  });
}
