import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../db/database';
import { customerRfm, customers, events } from './tables';

// What other modules may read of customers, offered through the module's api.ts.

/** The customer fields other modules may read (through these functions, not the table). */
const customerRef = {
  id: customers.id,
  externalId: customers.externalId,
  email: customers.email,
  phone: customers.phone,
  name: customers.name,
  locale: customers.locale,
  consent: customers.consent,
  ownerId: customers.ownerId,
  lifecycleStage: customers.lifecycleStage,
  serviceTier: customers.serviceTier,
  rfmSegment: customerRfm.segment,
  attributes: customers.attributes,
  erasedAt: customers.erasedAt,
  since: customers.since,
};

/** The customer with its RFM segment (none until RFM has been computed for it). */
const customerWithRfm = () =>
  and(eq(customerRfm.orgId, customers.orgId), eq(customerRfm.customerId, customers.id));

export type CustomerRef = {
  id: string;
  externalId: string;
  email: string | null;
  phone: string | null;
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
  /** The earliest of the first event, the first answer and the creation in the source system. */
  since: Date;
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

/** Each customer's first purchase (the earliest, then the smallest event id), by customer id; none: absent. */
export async function firstPurchases(
  tx: Executor,
  orgId: string,
  customerIds: readonly string[],
): Promise<Map<string, { eventId: string; occurredAt: Date }>> {
  if (!customerIds.length) return new Map();
  const rows = await tx
    .selectDistinctOn([events.customerId], {
      customerId: events.customerId,
      eventId: events.id,
      occurredAt: events.occurredAt,
    })
    .from(events)
    .where(
      and(
        eq(events.orgId, orgId),
        eq(events.type, 'purchase'),
        inArray(events.customerId, [...new Set(customerIds)]),
      ),
    )
    .orderBy(events.customerId, events.occurredAt, events.id);
  return new Map(rows.map((r) => [r.customerId, { eventId: r.eventId, occurredAt: r.occurredAt }]));
}
