import type { Executor } from '../../../db/database';
import type { AppContext } from '../../../http/types';

/** Hours spent handling a customer's cases in [from, before). */
export type CaseHours = { customerId: string; hours: number };

/**
 * Where case handling time comes from. The value module does not read the cases module's
 * tables: the cases module (or any other that tracks service work) registers a source in its
 * `setup`; without one, case hours count as zero.
 */
export type CaseHoursSource = (
  tx: Executor,
  orgId: string,
  window: { from: Date; before: Date },
) => Promise<Iterable<CaseHours>>;

const registry = new WeakMap<AppContext, CaseHoursSource[]>();

export function registerCaseHoursSource(ctx: AppContext, source: CaseHoursSource) {
  const list = registry.get(ctx) ?? [];
  list.push(source);
  registry.set(ctx, list);
}

export const caseHoursSources = (ctx: AppContext): readonly CaseHoursSource[] => registry.get(ctx) ?? [];
