import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/database';
import type { AppContext } from '../../http/types';
import { storeEvents } from './use-cases/ingest-events';
import { refreshStages } from './use-cases/refresh-stages';

export { type CustomerExtension, registerCustomerExtension } from './use-cases/customer-extensions';

import { updateServiceTiers } from './data/repo-bulk';
import { claimCustomers, lockCustomers as lockCustomerRows } from './data/repo-customers';
import type { EventRow } from './data/repo-events';
import { type AliveProbability, storeAliveProbabilities } from './data/repo-lifecycle';
import { customerRfm, customers } from './data/tables';

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

/** The customer's id, creating a bare customer (stage `potential`) when the external id is new. */
export async function ensureCustomer(
  ctx: AppContext,
  tx: Executor,
  orgId: string,
  externalId: string,
  fields: Partial<{ email: string; name: string; locale: string; phone: string }> = {},
): Promise<string> {
  const [created] = await tx
    .insert(customers)
    .values({ orgId, externalId, ...fields })
    .onConflictDoNothing()
    .returning({ id: customers.id });
  if (created) {
    await ctx.bus.emit(tx, 'customer.created', { orgId, customerId: created.id, externalId });
    return created.id;
  }
  const existing = await findCustomerByExternalId(tx, orgId, externalId);
  if (!existing) throw new Error('customer vanished during upsert');
  return existing.id;
}

/**
 * The ids of these external ids' customers, each created (stage `potential`) when new, and all
 * of them locked for the caller's transaction in the one order every writer of customer rows
 * follows: a batch that writes for many customers (responses, stats, stages, cases) takes them
 * first, so two batches naming the same customers queue instead of deadlocking.
 */
export async function ensureCustomers(
  ctx: AppContext,
  tx: Executor,
  orgId: string,
  externalIds: readonly string[],
): Promise<Map<string, string>> {
  const claimed = await claimCustomers(tx, orgId, [...new Set(externalIds)], ctx.clock.now());
  const created = [...claimed].filter(([, c]) => c.created);
  await ctx.bus.emitMany(
    tx,
    'customer.created',
    created.map(([externalId, c]) => ({ orgId, customerId: c.id, externalId })),
  );
  return new Map([...claimed].map(([externalId, c]) => [externalId, c.id]));
}

/**
 * Locks these customers' rows for the caller's transaction, in the same one order (see
 * ensureCustomers): a transaction about to write many customers' rows takes them all first.
 */
export const lockCustomers = (tx: Executor, orgId: string, customerIds: readonly string[]) =>
  lockCustomerRows(tx, orgId, customerIds);

export type NewEvent = EventRow;

/**
 * Stores one interaction event of a known customer (an id already stored is skipped: returns
 * false); `event.recorded` is emitted and the customer's stage follows.
 */
export async function recordEvent(
  ctx: AppContext,
  tx: Executor,
  orgId: string,
  event: NewEvent,
): Promise<boolean> {
  return (await storeEvents(ctx, tx, orgId, [event])).stored === 1;
}

/** Events in one multi-row insert; a customer named by a new external id is created. Returns how many were new. */
export const recordEvents = async (ctx: AppContext, tx: Executor, orgId: string, rows: NewEvent[]) =>
  (await storeEvents(ctx, tx, orgId, rows)).stored;

export type { AliveProbability } from './data/repo-lifecycle';

/**
 * The value module's hook: probabilities of being alive per customer. With the organization's
 * `lostAliveBelow` set, a buyer below it becomes lost; stages follow at once.
 */
export async function supplyAliveProbabilities(
  ctx: AppContext,
  tx: Executor,
  orgId: string,
  values: AliveProbability[],
) {
  await lockCustomerRows(
    tx,
    orgId,
    values.map((v) => v.customerId),
  );
  await storeAliveProbabilities(tx, orgId, values, ctx.clock.now());
  await refreshStages(
    ctx,
    tx,
    orgId,
    values.map((v) => v.customerId),
  );
}

export {
  listOrgsWithPurchases,
  mapExternalIds,
  type PurchaseBatch,
  readPurchaseBatches,
  readServiceEventTotals,
  type ServiceEventTotals,
} from './data/repo-bulk';

/**
 * The value module's tier writer: sets `service_tier` of many customers (SLA policies and
 * offers follow it); returns how many changed.
 */
export const setServiceTiers = (
  ctx: AppContext,
  tx: Executor,
  orgId: string,
  tiers: { customerId: string; tier: string | null }[],
) => updateServiceTiers(tx, orgId, tiers, ctx.clock.now());
