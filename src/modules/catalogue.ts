import type { DomainEventName, EventDeclaration, WebhookEventName } from '../events/bus';
import type { Module } from './registry';

/**
 * Lists made from the manifests that the modules themselves read. The registry hands the manifests
 * over once every one is loaded (this file imports no module, so any module may import it); each
 * list is a function read at call time, never at import.
 */
let installed: readonly Module[] | null = null;

/** Called by the registry with every manifest. */
export function installManifests(modules: readonly Module[]) {
  installed = modules;
}

function manifests(): readonly Module[] {
  if (!installed) throw new Error('the module registry is not loaded yet');
  return installed;
}

/** Every event the modules declare, with the module that emits it. */
export function declaredEvents(
  modules: readonly Module[] = manifests(),
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
  modules: readonly Module[] = manifests(),
): [WebhookEventName, ...WebhookEventName[]] {
  const offered = declaredEvents(modules)
    .filter((e) => e.declaration.webhook)
    .map((e) => e.event as WebhookEventName);
  if (!offered.length) throw new Error('no module offers an event to webhooks');
  return offered as [WebhookEventName, ...WebhookEventName[]];
}
