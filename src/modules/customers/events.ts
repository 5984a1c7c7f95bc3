import { defineEvents } from '../../events/bus';

/** The customers module's events: their payloads (below) and what each means. */
export const customerEvents = defineEvents({
  'customer.created': {
    webhook: true,
    summary: 'A customer appeared: created, imported or named by an event',
  },
  'event.recorded': { summary: 'A customer event (a purchase, a visit, a contact) was stored' },
  'customer.stage_changed': { webhook: true, summary: 'A customer moved to another lifecycle stage' },
});

declare module '../../events/bus' {
  interface DomainEvents {
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
  }
  interface ModuleEvents {
    customers: typeof customerEvents;
  }
}
