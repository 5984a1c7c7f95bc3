import type { DomainEventName, EventDeclaration, WebhookEventName } from '../events/bus';
import { MODULES, type Module } from './registry';

/**
 * Lists made from the manifests that the modules themselves read. Each is a function read at call
 * time, never at import: the registry imports every module, so a module reading a list at import
 * would find the registry half-loaded.
 */

/** Every event the modules declare, with the module that emits it. */
export function declaredEvents(
  modules: readonly Module[] = MODULES,
): { module: string; event: DomainEventName; declaration: EventDeclaration }[] {
  return modules.flatMap((m) =>
    Object.entries(m.events ?? {}).map(([event, declaration]) => ({
      module: m.name,
      event: event as DomainEventName,
      declaration: declaration as EventDeclaration,
    })),
  );
}

/** The events a webhook endpoint may subscribe to: those a module declares with `webhook: true`. */
export function webhookEvents(
  modules: readonly Module[] = MODULES,
): [WebhookEventName, ...WebhookEventName[]] {
  const offered = declaredEvents(modules)
    .filter((e) => e.declaration.webhook)
    .map((e) => e.event as WebhookEventName);
  if (!offered.length) throw new Error('no module offers an event to webhooks');
  return offered as [WebhookEventName, ...WebhookEventName[]];
}
