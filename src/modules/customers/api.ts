import type { Executor } from '../../db/database';
import type { AppContext } from '../../http/types';
import { updateServiceTiers } from './data/repo-bulk';
import { claimCustomers, lockCustomers as lockCustomerRows } from './data/repo-customers';
import type { EventRow } from './data/repo-events';
import { type AliveProbability, storeAliveProbabilities } from './data/repo-lifecycle';
import { findCustomerByExternalId, insertCustomerIfNew } from './data/repo-refs';
import { storeEvents } from './use-cases/ingest-events';
import { refreshStages } from './use-cases/refresh-stages';

export { pageEventsInTimeOrder, type RecordedEventRow } from './data/repo-event-pages';
export { type CustomerTraits, customerIdsWith } from './data/repo-id-filters';
export {
  latestCustomerBaskets,
  type PurchaseBasket,
  readPurchaseBaskets,
} from './data/repo-purchase-items';
export {
  type CustomerRef,
  findCustomer,
  findCustomerByExternalId,
  findCustomers,
  firstPurchases,
} from './data/repo-refs';
export { spendInWindow } from './data/repo-spend';
export { findTaggedEvents } from './data/repo-tagged-events';
export { STAGES, type Stage } from './domain/stages';
export { type CustomerExtension, registerCustomerExtension } from './use-cases/customer-extensions';
export { lifecycleReport } from './use-cases/lifecycle-report';

/** The customer's id, creating a bare customer (stage `potential`) when the external id is new. */
export async function ensureCustomer(
  ctx: AppContext,
  tx: Executor,
  orgId: string,
  externalId: string,
  fields: Partial<{ email: string; name: string; locale: string; phone: string }> = {},
): Promise<string> {
  const created = await insertCustomerIfNew(tx, orgId, externalId, fields);
  if (created) {
    await ctx.bus.emit(tx, 'customer.created', { orgId, customerId: created, externalId });
    return created;
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
