import type { Executor } from '../db/database';
import type { AppContext } from '../http/types';

/**
 * Domain events exchanged between modules. Subscribers run inside the emitter's transaction,
 * so a reaction (a case for a detractor, a webhook delivery queued) commits or rolls back
 * with its cause: nothing half-written.
 *
 * The platform knows no event: each module that emits some declares their payloads in its
 * `events.ts` by declaration merging —
 * `declare module '../../events/bus' { interface DomainEvents { 'x.happened': {...} } }` —
 * and lists them at run time with `defineEvents` in its manifest's `events`.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by the modules' declaration merging
export interface DomainEvents {}

/**
 * The events each module declares, by module name (`interface ModuleEvents { x: typeof xEvents }`
 * beside its `DomainEvents`): the webhook catalogue's type is read from it.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by the modules' declaration merging
export interface ModuleEvents {}

export type DomainEventName = keyof DomainEvents;

/** How a module describes an event it emits. */
export type EventDeclaration = {
  /** What happened, for the webhook catalogue and the reader of the manifest. */
  summary: string;
  /** Offered to webhook endpoints: the webhooks module delivers it to those that subscribe. */
  webhook?: boolean;
};

/** The events a module emits, by name. */
export type EventDeclarations = { readonly [K in DomainEventName]?: EventDeclaration };

/** A module's events; a key that no `DomainEvents` declares does not compile. */
export const defineEvents = <const D extends EventDeclarations>(
  events: D & Record<Exclude<keyof D, DomainEventName>, never>,
): D => events;

type Offered<D> = { [K in keyof D]: D[K] extends { webhook: true } ? K : never }[keyof D];

/** The events some module declares with `webhook: true`. */
export type WebhookEventName = { [M in keyof ModuleEvents]: Offered<ModuleEvents[M]> }[keyof ModuleEvents] &
  DomainEventName;

/**
 * A manifest's reaction to an event, run inside the emitter's transaction; made with `on` or
 * `onBatch` and subscribed when the module starts.
 */
export type Subscriber = { event: DomainEventName; subscribe: (ctx: AppContext) => void };

/** Reacts to each event `name`, one payload at a time. */
export const on = <K extends DomainEventName>(
  name: K,
  handle: (ctx: AppContext, tx: Executor, payload: DomainEvents[K]) => Promise<void>,
): Subscriber => ({
  event: name,
  subscribe: (ctx) => ctx.bus.on(name, (tx, payload) => handle(ctx, tx, payload)),
});

/** Reacts to events `name` a batch at a time (a batch import emits thousands at once). */
export const onBatch = <K extends DomainEventName>(
  name: K,
  handle: (ctx: AppContext, tx: Executor, payloads: DomainEvents[K][]) => Promise<void>,
): Subscriber => ({
  event: name,
  subscribe: (ctx) => ctx.bus.onBatch(name, (tx, payloads) => handle(ctx, tx, payloads)),
});
type Listener<K extends DomainEventName> = (tx: Executor, payload: DomainEvents[K]) => Promise<void>;
type BatchListener<K extends DomainEventName> = (tx: Executor, payloads: DomainEvents[K][]) => Promise<void>;

export class EventBus {
  private subscribers = new Map<DomainEventName, Listener<any>[]>();
  private batchSubscribers = new Map<DomainEventName, BatchListener<any>[]>();

  on<K extends DomainEventName>(name: K, subscriber: Listener<K>) {
    const list = this.subscribers.get(name) ?? [];
    list.push(subscriber);
    this.subscribers.set(name, list);
  }

  /**
   * Subscribes to whole batches: a batch import emits thousands of events at once, and a
   * subscriber that looks something up (rules, endpoints) should do it once per batch.
   */
  onBatch<K extends DomainEventName>(name: K, subscriber: BatchListener<K>) {
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
