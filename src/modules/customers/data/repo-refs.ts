import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../db/database';
import { customerRfm, customers } from './tables';

// What other modules may read of customers, offered through the module's api.ts.

/** The customer fields other modules may read (through these functions, not the table). */
const customerRef = {
  id: customers.id,
  externalId: customers.externalId,
  email: customers.email,
  name: customers.name,
  locale: customers.locale,
  consent: customers.consent,
  ownerId: customers.ownerId,
  lifecycleStage: customers.lifecycleStage,
  serviceTier: customers.serviceTier,
  rfmSegment: customerRfm.segment,
  attributes: customers.attributes,
  erasedAt: customers.erasedAt,
};

/** The customer with its RFM segment (none until RFM has been computed for it). */
const customerWithRfm = () =>
  and(eq(customerRfm.orgId, customers.orgId), eq(customerRfm.customerId, customers.id));

export type CustomerRef = {
  id: string;
  externalId: string;
  email: string | null;
  name: string | null;
  locale: string | null;
  consent: Record<string, boolean>;
  ownerId: string | null;
  lifecycleStage: string;
  serviceTier: string | null;
  /** RFM segment key, e.g. `champions`; null for customers without purchases or before RFM runs. */
  rfmSegment: string | null;
  attributes: Record<string, unknown>;
  erasedAt: Date | null;
};

/** One customer by external id. */
export async function findCustomerByExternalId(
  tx: Executor,
  orgId: string,
  externalId: string,
): Promise<CustomerRef | undefined> {
  const [row] = await tx
    .select(customerRef)
    .from(customers)
    .leftJoin(customerRfm, customerWithRfm())
    .where(and(eq(customers.orgId, orgId), eq(customers.externalId, externalId)));
  return row;
}

/** One customer by id. */
export async function findCustomer(
  tx: Executor,
  orgId: string,
  customerId: string,
): Promise<CustomerRef | undefined> {
  return (await findCustomers(tx, orgId, [customerId])).get(customerId);
}

/** Ids per statement: well under the protocol's 65,535 parameters. */
const LOOKUP_CHUNK = 10_000;

/** Several customers by id at once, keyed by id (an unknown id is simply absent). */
export async function findCustomers(
  tx: Executor,
  orgId: string,
  customerIds: readonly string[],
): Promise<Map<string, CustomerRef>> {
  const ids = [...new Set(customerIds)];
  const found = new Map<string, CustomerRef>();
  for (let start = 0; start < ids.length; start += LOOKUP_CHUNK) {
    const rows = await tx
      .select(customerRef)
      .from(customers)
      .leftJoin(customerRfm, customerWithRfm())
      .where(and(eq(customers.orgId, orgId), inArray(customers.id, ids.slice(start, start + LOOKUP_CHUNK))));
    for (const r of rows) found.set(r.id, r);
  }
  return found;
}

/** Inserts a bare customer unless the external id exists; its id when it was new. */
export async function insertCustomerIfNew(
  tx: Executor,
  orgId: string,
  externalId: string,
  fields: Partial<{ email: string; name: string; locale: string; phone: string }>,
): Promise<string | undefined> {
  const [created] = await tx
    .insert(customers)
    .values({ orgId, externalId, ...fields })
    .onConflictDoNothing()
    .returning({ id: customers.id });
  return created?.id;
}
