import type { Executor } from '../db/database';

/**
 * Domain events exchanged between modules. Subscribers run inside the emitter's transaction,
 * so a reaction (a case for a detractor, a webhook delivery queued) commits or rolls back
 * with its cause: nothing half-written.
 */
export interface DomainEvents {
  'customer.created': { orgId: string; customerId: string; externalId: string };
  'event.recorded': {
    orgId: string;
    customerId: string;
    eventId: string;
    type: string;
    occurredAt: Date;
    amountMinor: number | null;
    channel: string | null;
    touchpoint: string | null;
    data: Record<string, unknown>;
  };
  'customer.stage_changed': {
    orgId: string;
    customerId: string;
    externalId: string;
    from: string | null;
    to: string;
    at: Date;
  };
  /** Scoring moved a customer to another service tier (from null: the first tier). */
  'customer.tier_changed': { orgId: string; customerId: string; from: string | null; to: string; at: Date };
  'response.created': {
    orgId: string;
    responseId: string;
    surveyId: string;
    customerId: string | null;
    audience: string;
    channel: string;
    touchpoint: string | null;
    locale: string;
    submittedAt: Date;
    /** Scored answers by question type: nps 0–10, csat 1–5, ces 1–7. */
    scores: { nps?: number; csat?: number; ces?: number };
    /** Open answers, for text insight and case rules. */
    texts: string[];
    answers: Record<string, unknown>;
    /** The respondent's team, when known (employee and internal surveys): eNPS breakdowns use it. */
    team?: string | null;
  };
  'case.created': { orgId: string; caseId: string; customerId: string | null; priority: string };
  'case.updated': {
    orgId: string;
    caseId: string;
    customerId: string | null;
    status: string;
    changes: string[];
  };
  'case.resolved': { orgId: string; caseId: string; customerId: string | null; responseId: string | null };
}

export type DomainEventName = keyof DomainEvents;
type Subscriber<K extends DomainEventName> = (tx: Executor, payload: DomainEvents[K]) => Promise<void>;
type BatchSubscriber<K extends DomainEventName> = (
  tx: Executor,
  payloads: DomainEvents[K][],
) => Promise<void>;

export class EventBus {
  private subscribers = new Map<DomainEventName, Subscriber<any>[]>();
  private batchSubscribers = new Map<DomainEventName, BatchSubscriber<any>[]>();

  on<K extends DomainEventName>(name: K, subscriber: Subscriber<K>) {
    const list = this.subscribers.get(name) ?? [];
    list.push(subscriber);
    this.subscribers.set(name, list);
  }

  /**
   * Subscribes to whole batches: a batch import emits thousands of events at once, and a
   * subscriber that looks something up (rules, endpoints) should do it once per batch.
   */
  onBatch<K extends DomainEventName>(name: K, subscriber: BatchSubscriber<K>) {
    const list = this.batchSubscribers.get(name) ?? [];
    list.push(subscriber);
    this.batchSubscribers.set(name, list);
  }

  /** Whether anyone subscribed: an emitter may skip gathering payloads nobody reads. */
  listens(name: DomainEventName): boolean {
    return Boolean(this.subscribers.get(name)?.length || this.batchSubscribers.get(name)?.length);
  }

  async emit<K extends DomainEventName>(tx: Executor, name: K, payload: DomainEvents[K]) {
    await this.emitMany(tx, name, [payload]);
  }

  /** Batch subscribers get the payloads at once; the others get them one by one. */
  async emitMany<K extends DomainEventName>(tx: Executor, name: K, payloads: DomainEvents[K][]) {
    if (!payloads.length) return;
    for (const subscriber of this.batchSubscribers.get(name) ?? []) await subscriber(tx, payloads);
    for (const subscriber of this.subscribers.get(name) ?? []) {
      for (const payload of payloads) await subscriber(tx, payload);
    }
  }
}
