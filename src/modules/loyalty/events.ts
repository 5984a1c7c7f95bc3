import { defineEvents } from '../../events/bus';

/** The loyalty module's events: their payloads (below) and what each means. */
export const loyaltyEvents = defineEvents({});

declare module '../../events/bus' {
  interface ModuleEvents {
    loyalty: typeof loyaltyEvents;
  }
}
