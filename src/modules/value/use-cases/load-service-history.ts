import type { Executor } from '../../../db/database';
import type { AppContext } from '../../../http/types';
import { readServiceEventTotals } from '../../customers/api';
import type { ServiceHistory } from '../domain/cost-to-serve';
import { caseHoursSources, gestureCostSources } from './cost-sources';

/**
 * Contacts, case hours and goodwill gestures in the window, and refunds over purchases so far, for each scored
 * customer (`rowOf` maps a customer id to its row).
 */
export async function loadServiceHistory(
  ctx: AppContext,
  tx: Executor,
  orgId: string,
  o: {
    rowOf: (customerId: string) => number | undefined;
    rows: number;
    purchasesMinor: ArrayLike<number>;
    window: { from: Date; before: Date };
  },
): Promise<ServiceHistory> {
  const contacts = new Float64Array(o.rows);
  const caseHours = new Float64Array(o.rows);
  const refundShare = new Float64Array(o.rows);
  for await (const batch of readServiceEventTotals(tx, orgId, o.window)) {
    for (const t of batch) {
      const r = o.rowOf(t.customerId);
      if (r === undefined) continue;
      contacts[r] = t.contacts;
      const bought = o.purchasesMinor[r];
      refundShare[r] = bought > 0 ? Math.min(1, Math.max(0, t.refundsMinor / bought)) : 0;
    }
  }
  for (const source of caseHoursSources(ctx)) {
    for (const { customerId, hours } of await source(tx, orgId, o.window)) {
      const r = o.rowOf(customerId);
      if (r !== undefined && Number.isFinite(hours) && hours > 0) caseHours[r] += hours;
    }
  }
  const gesturesMinor = new Float64Array(o.rows);
  for (const source of gestureCostSources(ctx)) {
    for (const { customerId, minor } of await source(tx, orgId, o.window)) {
      const r = o.rowOf(customerId);
      if (r !== undefined && Number.isFinite(minor) && minor > 0) gesturesMinor[r] += minor;
    }
  }
  return { contacts, caseHours, refundShare, gesturesMinor };
}
