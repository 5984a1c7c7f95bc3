import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/database';
import type { AppContext } from '../../http/types';
import { customers, events } from './schema';

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
  attributes: customers.attributes,
  erasedAt: customers.erasedAt,
};

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
    .where(and(eq(customers.orgId, orgId), eq(customers.externalId, externalId)));
  return row;
}

export async function findCustomer(
  tx: Executor,
  orgId: string,
  customerId: string,
): Promise<CustomerRef | undefined> {
  const [row] = await tx
    .select(customerRef)
    .from(customers)
    .where(and(eq(customers.orgId, orgId), eq(customers.id, customerId)));
  return row;
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

export type NewEvent = {
  id?: string;
  customerId: string;
  type: string;
  occurredAt: Date;
  amountMinor?: number | null;
  currency?: string | null;
  amountBaseMinor?: number | null;
  channel?: string | null;
  touchpoint?: string | null;
  data?: Record<string, unknown>;
};

/** Stores one interaction event; an id already stored is skipped (returns false). */
export async function recordEvent(
  ctx: AppContext,
  tx: Executor,
  orgId: string,
  event: NewEvent,
): Promise<boolean> {
  const id = event.id ?? randomUUID();
  const [row] = await tx
    .insert(events)
    .values({ ...event, id, orgId, data: event.data ?? {} })
    .onConflictDoNothing()
    .returning({ id: events.id });
  if (!row) return false;
  await tx
    .update(customers)
    .set({ updatedAt: sql`now()` })
    .where(and(eq(customers.orgId, orgId), eq(customers.id, event.customerId)));
  await ctx.bus.emit(tx, 'event.recorded', {
    orgId,
    customerId: event.customerId,
    eventId: id,
    type: event.type,
    occurredAt: event.occurredAt,
    amountMinor: event.amountBaseMinor ?? event.amountMinor ?? null,
    channel: event.channel ?? null,
    touchpoint: event.touchpoint ?? null,
    data: event.data ?? {},
  });
  return true;
}
