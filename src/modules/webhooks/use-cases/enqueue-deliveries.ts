import { randomUUID } from 'node:crypto';
import type { Executor } from '../../../db/database';
import { type DomainEvents, onBatch, type Subscriber, type WebhookEventName } from '../../../events/bus';
import type { AppContext } from '../../../http/types';
import { insertDelivery, listSubscribers } from '../data/repo-endpoints';
import { DELIVER_JOB, DELIVERY_ATTEMPTS } from './deliver';

/**
 * Inside the emitting transaction: one delivery row and one job per subscribed endpoint, so a
 * delivery exists exactly when its cause committed. The body is fixed now; retries resend it.
 * A batch looks its endpoints up once per organization.
 */
export async function enqueueDeliveries<K extends WebhookEventName>(
  ctx: AppContext,
  tx: Executor,
  event: K,
  payloads: DomainEvents[K][],
) {
  const endpointsOf = new Map<string, { id: string }[]>();
  const now = ctx.clock.now();
  for (const payload of payloads) {
    // A staff member's answer is anonymous and reported in groups only: it is never sent one by one.
    if ('audience' in payload && payload.audience !== 'customers') continue;
    const { orgId, ...data } = payload;
    if (!endpointsOf.has(orgId)) endpointsOf.set(orgId, await listSubscribers(tx, orgId, event));
    for (const endpoint of endpointsOf.get(orgId) ?? []) {
      const id = randomUUID();
      const body = JSON.stringify({ id, type: event, createdAt: now.toISOString(), data });
      await insertDelivery(tx, orgId, { id, endpointId: endpoint.id, event, body }, now);
      await ctx.jobs.enqueue(
        DELIVER_JOB,
        {
          orgId,
          payload: { deliveryId: id },
          dedupeKey: `webhook:${id}`,
          maxAttempts: DELIVERY_ATTEMPTS,
        },
        tx,
      );
    }
  }
}

/** A subscriber per event of the catalogue: each queues the deliveries to the endpoints that want it. */
export const webhookSubscribers = (events: readonly WebhookEventName[]): Subscriber[] =>
  events.map((event) => onBatch(event, (ctx, tx, payloads) => enqueueDeliveries(ctx, tx, event, payloads)));
