import type { Executor } from '../../../db/database';
import type { AppContext } from '../../../http/types';

/**
 * What other modules hold about a customer. The profile, the GDPR export and the erasure
 * ask every registered extension, so the customers module never reads another module's tables.
 */
export interface CustomerExtension {
  /** Key of the section in the profile and the export, e.g. `latestFeedback`, `openCases`, `points`. */
  name: string;
  profile?(tx: Executor, orgId: string, customerId: string): Promise<unknown>;
  export?(tx: Executor, orgId: string, customerId: string): Promise<unknown>;
  /** Removes personal data (free text, contact details) while anonymous aggregates stay correct. */
  erase?(tx: Executor, orgId: string, customerId: string): Promise<void>;
}

const registry = new WeakMap<AppContext, CustomerExtension[]>();

export function registerCustomerExtension(ctx: AppContext, extension: CustomerExtension) {
  const list = registry.get(ctx) ?? [];
  list.push(extension);
  registry.set(ctx, list);
}

export const customerExtensions = (ctx: AppContext): readonly CustomerExtension[] => registry.get(ctx) ?? [];
