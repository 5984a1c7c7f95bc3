import type { Executor } from '../../../db/database';
import { readPurchaseBatches } from '../../customers/api';
import type { PurchaseColumns } from '../domain/models/summarize';

/** Every purchase of an organization as typed columns; `customer` indexes `customerIds`. */
export type LoadedPurchases = {
  columns: PurchaseColumns & { customer: Int32Array; day: Int32Array; amount: Float64Array };
  customerIds: string[];
  /** Customer id → index into `customerIds`. */
  indexOf: Map<string, number>;
  /** Latest purchase day (days since 1970-01-01), or undefined without purchases. */
  lastDay: number | undefined;
};

/**
 * One streaming pass over the purchases before `before`: customers get dense indices in order
 * of first appearance, days and amounts go straight into typed arrays.
 */
export async function loadPurchases(
  tx: Executor,
  orgId: string,
  o: { timeZone: string; before: Date },
): Promise<LoadedPurchases> {
  const index = new Map<string, number>();
  const customerIds: string[] = [];
  const parts: { customer: Int32Array; day: Int32Array; amount: Float64Array }[] = [];
  let total = 0;
  let lastDay: number | undefined;
  for await (const batch of readPurchaseBatches(tx, orgId, o)) {
    const n = batch.days.length;
    const customer = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const id = batch.customerIds[i];
      let c = index.get(id);
      if (c === undefined) {
        c = customerIds.length;
        index.set(id, c);
        customerIds.push(id);
      }
      customer[i] = c;
      if (lastDay === undefined || batch.days[i] > lastDay) lastDay = batch.days[i];
    }
    parts.push({ customer, day: batch.days, amount: batch.amountsMinor });
    total += n;
  }
  const columns = {
    customer: new Int32Array(total),
    day: new Int32Array(total),
    amount: new Float64Array(total),
  };
  let offset = 0;
  for (const part of parts) {
    columns.customer.set(part.customer, offset);
    columns.day.set(part.day, offset);
    columns.amount.set(part.amount, offset);
    offset += part.customer.length;
  }
  return { columns, customerIds, indexOf: index, lastDay };
}

/** Sum of purchase amounts per customer index. */
export function sumByCustomer(loaded: LoadedPurchases): Float64Array {
  const totals = new Float64Array(loaded.customerIds.length);
  const { customer, amount } = loaded.columns;
  for (let i = 0; i < customer.length; i++) totals[customer[i]] += amount[i];
  return totals;
}
