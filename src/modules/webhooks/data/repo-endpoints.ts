import { and, arrayContains, desc, eq, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/database';
import { after, byCreation } from '../../../db/keyset';
import { webhookDeliveries, webhookEndpoints } from './tables';

const endpointColumns = {
  id: webhookEndpoints.id,
  url: webhookEndpoints.url,
  description: webhookEndpoints.description,
  events: webhookEndpoints.events,
  enabled: webhookEndpoints.enabled,
  consecutiveFailures: webhookEndpoints.consecutiveFailures,
  disabledAt: webhookEndpoints.disabledAt,
  disabledReason: webhookEndpoints.disabledReason,
  createdAt: webhookEndpoints.createdAt,
  updatedAt: webhookEndpoints.updatedAt,
};
export type WebhookEndpoint = {
  id: string;
  url: string;
  description: string;
  events: string[];
  enabled: boolean;
  consecutiveFailures: number;
  disabledAt: Date | null;
  disabledReason: string | null;
  createdAt: Date;
  updatedAt: Date;
};

/** A page of endpoints, oldest first: `limit + 1` rows after the (created at, id) position. */
export async function listEndpoints(
  tx: Executor,
  orgId: string,
  limit: number,
  position?: [string, string],
): Promise<WebhookEndpoint[]> {
  return tx
    .select(endpointColumns)
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.orgId, orgId), after(byCreation(webhookEndpoints), position)))
    .orderBy(...byCreation(webhookEndpoints))
    .limit(limit + 1);
}

export async function findEndpoint(
  tx: Executor,
  orgId: string,
  id: string,
): Promise<WebhookEndpoint | undefined> {
  const [row] = await tx
    .select(endpointColumns)
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.orgId, orgId), eq(webhookEndpoints.id, id)));
  return row;
}

/** Enabled endpoints that subscribe to `event`, with their secrets. */
export async function listSubscribers(tx: Executor, orgId: string, event: string) {
  return tx
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(
      and(
        eq(webhookEndpoints.orgId, orgId),
        eq(webhookEndpoints.enabled, true),
        arrayContains(webhookEndpoints.events, [event]),
      ),
    );
}

export async function insertEndpoint(
  tx: Executor,
  orgId: string,
  e: { url: string; description: string; events: string[]; secret: string },
  now: Date,
) {
  const [row] = await tx
    .insert(webhookEndpoints)
    .values({ ...e, orgId, enabled: true, consecutiveFailures: 0, createdAt: now, updatedAt: now })
    .returning({ id: webhookEndpoints.id });
  return row.id;
}

export async function updateEndpoint(
  tx: Executor,
  orgId: string,
  id: string,
  patch: Partial<Omit<WebhookEndpoint, 'id' | 'createdAt'>>,
) {
  await tx
    .update(webhookEndpoints)
    .set(patch)
    .where(and(eq(webhookEndpoints.orgId, orgId), eq(webhookEndpoints.id, id)));
}

export async function deleteEndpoint(tx: Executor, orgId: string, id: string): Promise<boolean> {
  const rows = await tx
    .delete(webhookEndpoints)
    .where(and(eq(webhookEndpoints.orgId, orgId), eq(webhookEndpoints.id, id)))
    .returning({ id: webhookEndpoints.id });
  return rows.length > 0;
}

export async function insertDelivery(
  tx: Executor,
  orgId: string,
  d: { id: string; endpointId: string; event: string; body: string },
  now: Date,
) {
  await tx.insert(webhookDeliveries).values({ ...d, orgId, status: 'pending', attempts: 0, createdAt: now });
}

/** A delivery with what sending it needs from its endpoint. */
export async function findDeliveryToSend(tx: Executor, orgId: string, id: string) {
  const [row] = await tx
    .select({
      id: webhookDeliveries.id,
      event: webhookDeliveries.event,
      body: webhookDeliveries.body,
      status: webhookDeliveries.status,
      attempts: webhookDeliveries.attempts,
      endpointId: webhookEndpoints.id,
      url: webhookEndpoints.url,
      secret: webhookEndpoints.secret,
      enabled: webhookEndpoints.enabled,
    })
    .from(webhookDeliveries)
    .innerJoin(
      webhookEndpoints,
      and(
        eq(webhookEndpoints.orgId, webhookDeliveries.orgId),
        eq(webhookEndpoints.id, webhookDeliveries.endpointId),
      ),
    )
    .where(and(eq(webhookDeliveries.orgId, orgId), eq(webhookDeliveries.id, id)));
  return row;
}

export async function recordAttempt(
  tx: Executor,
  orgId: string,
  id: string,
  a: {
    status: string;
    responseStatus: number | null;
    lastError: string | null;
    at: Date;
    delivered: boolean;
  },
) {
  await tx
    .update(webhookDeliveries)
    .set({
      status: a.status,
      attempts: sql`${webhookDeliveries.attempts} + 1`,
      responseStatus: a.responseStatus,
      lastError: a.lastError,
      lastAttemptAt: a.at,
      ...(a.delivered ? { deliveredAt: a.at } : {}),
    })
    .where(and(eq(webhookDeliveries.orgId, orgId), eq(webhookDeliveries.id, id)));
}

export async function markDelivery(tx: Executor, orgId: string, id: string, status: string) {
  await tx
    .update(webhookDeliveries)
    .set({ status })
    .where(and(eq(webhookDeliveries.orgId, orgId), eq(webhookDeliveries.id, id)));
}

/** Counts a failure of the endpoint; the new count of failures in a row. */
export async function countFailure(tx: Executor, orgId: string, endpointId: string): Promise<number> {
  const [row] = await tx
    .update(webhookEndpoints)
    .set({ consecutiveFailures: sql`${webhookEndpoints.consecutiveFailures} + 1` })
    .where(and(eq(webhookEndpoints.orgId, orgId), eq(webhookEndpoints.id, endpointId)))
    .returning({ n: webhookEndpoints.consecutiveFailures });
  return row?.n ?? 0;
}

export async function resetFailures(tx: Executor, orgId: string, endpointId: string) {
  await tx
    .update(webhookEndpoints)
    .set({ consecutiveFailures: 0 })
    .where(and(eq(webhookEndpoints.orgId, orgId), eq(webhookEndpoints.id, endpointId)));
}

/** Turns an endpoint off; false when it already was. */
export async function disableEndpoint(
  tx: Executor,
  orgId: string,
  endpointId: string,
  reason: string,
  now: Date,
) {
  const rows = await tx
    .update(webhookEndpoints)
    .set({ enabled: false, disabledAt: now, disabledReason: reason, updatedAt: now })
    .where(
      and(
        eq(webhookEndpoints.orgId, orgId),
        eq(webhookEndpoints.id, endpointId),
        eq(webhookEndpoints.enabled, true),
      ),
    )
    .returning({ id: webhookEndpoints.id });
  return rows.length > 0;
}

const deliveryColumns = {
  id: webhookDeliveries.id,
  event: webhookDeliveries.event,
  status: webhookDeliveries.status,
  attempts: webhookDeliveries.attempts,
  responseStatus: webhookDeliveries.responseStatus,
  lastError: webhookDeliveries.lastError,
  createdAt: webhookDeliveries.createdAt,
  lastAttemptAt: webhookDeliveries.lastAttemptAt,
  deliveredAt: webhookDeliveries.deliveredAt,
};

/** The delivery log of an endpoint, newest first. */
export async function listDeliveries(
  tx: Executor,
  orgId: string,
  endpointId: string,
  limit: number,
  after?: { createdAt: Date; id: string },
) {
  return tx
    .select(deliveryColumns)
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.orgId, orgId),
        eq(webhookDeliveries.endpointId, endpointId),
        after
          ? or(
              lt(webhookDeliveries.createdAt, after.createdAt),
              and(eq(webhookDeliveries.createdAt, after.createdAt), lt(webhookDeliveries.id, after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(limit + 1);
}

/** Old bodies go: the log keeps the facts of each delivery, not the data it carried. */
export async function purgeDeliveryBodies(tx: Executor, before: Date) {
  await tx
    .update(webhookDeliveries)
    .set({ body: '' })
    .where(
      and(
        lt(webhookDeliveries.createdAt, before),
        sql`${webhookDeliveries.status} <> 'pending'`,
        sql`${webhookDeliveries.body} <> ''`,
      ),
    );
}
