import { defineEvents } from '../../events/bus';

/** The value module's events: their payloads (below) and what each means. */
export const valueEvents = defineEvents({
  'customer.tier_changed': { webhook: true, summary: 'Scoring moved a customer to another service tier' },
});

declare module '../../events/bus' {
  interface DomainEvents {
    /** Scoring moved a customer to another service tier (from null: the first tier). */
    'customer.tier_changed': { orgId: string; customerId: string; from: string | null; to: string; at: Date };
  }
  interface ModuleEvents {
    value: typeof valueEvents;
  }
}
