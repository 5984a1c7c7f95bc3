import { and, eq, gt, isNull, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/database';
import type { CustomerSort } from '../domain/customer-sorts';
import { type CustomerRow, customerColumns, joinRfm } from './repo-customers';
import { customerRfm, customerStats, customers } from './tables';

export type CustomerFilter = {
  stage?: string;
  segment?: string;
  tier?: string;
  attribute?: { key: string; value: string };
  q?: string;
  sort: CustomerSort;
  /** The last row's place: its external id, or (sort key as text, external id) for the other sorts. */
  after?: string[];
  limit: number;
};

/** A listed customer: the row, its figures for the list's columns, and its sort key as text for the cursor. */
export type CustomerListRow = CustomerRow & {
  aliveProbability: number | null;
  clvMinor: number | null;
  lastPurchaseOn: string | null;
  sortKey: string;
};

// Each figure with its type and the value that stands in for "none", past the far end of the
// order, so customers without it come last whichever way the list runs.
const FIGURES = {
  clv: {
    column: customerStats.clvMinor,
    type: sql.raw('bigint'),
    low: '-9223372036854775808',
    high: '9223372036854775807',
  },
  aliveProbability: { column: customerStats.aliveProbability, type: sql.raw('float8'), low: '-1', high: '2' },
  lastPurchase: {
    column: customerRfm.lastPurchaseOn,
    type: sql.raw('date'),
    low: '0001-01-01',
    high: '9999-12-31',
  },
} as const;

function sortKeyOf(sort: CustomerSort) {
  if (sort === 'externalId') return undefined;
  const descending = sort.startsWith('-');
  const figure = FIGURES[sort.replace('-', '') as keyof typeof FIGURES];
  const none = descending ? figure.low : figure.high;
  return { descending, type: figure.type, key: sql`coalesce(${figure.column}, ${none}::${figure.type})` };
}

/** A page of customers in the sort's order, then external id, filtered; erased customers are never listed. */
export async function listCustomers(
  tx: Executor,
  orgId: string,
  f: CustomerFilter,
): Promise<CustomerListRow[]> {
  const where: (SQL | undefined)[] = [eq(customers.orgId, orgId), isNull(customers.erasedAt)];
  if (f.stage) where.push(eq(customers.lifecycleStage, f.stage));
  if (f.segment) where.push(eq(customerRfm.segment, f.segment));
  if (f.tier) where.push(eq(customers.serviceTier, f.tier));
  if (f.attribute) where.push(sql`${customers.attributes} ->> ${f.attribute.key} = ${f.attribute.value}`);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    // External ids compare bytewise; their case folds by the database's rules, like the others'.
    where.push(
      sql`(${customers.externalId} collate "default" ilike ${like} or ${customers.email} ilike ${like} or ${customers.name} ilike ${like} or ${customers.phone} ilike ${like})`,
    );
  }
  const sort = sortKeyOf(f.sort);
  if (f.after && !sort) where.push(gt(customers.externalId, f.after[0]));
  if (f.after && sort) {
    const [key, id] = f.after;
    const place = sql`(${sort.key}, ${customers.externalId})`;
    const cursor = sql`(${key}::${sort.type}, ${id})`;
    where.push(sort.descending ? sql`${place} < ${cursor}` : sql`${place} > ${cursor}`);
  }
  const direction = sql.raw(sort?.descending ? 'desc' : 'asc');
  const rows = await tx
    .select({
      ...customerColumns,
      aliveProbability: customerStats.aliveProbability,
      clvMinor: customerStats.clvMinor,
      lastPurchaseOn: customerRfm.lastPurchaseOn,
      sortKey: sort ? sql<string>`(${sort.key})::text` : customers.externalId,
    })
    .from(customers)
    .leftJoin(customerRfm, joinRfm)
    .leftJoin(
      customerStats,
      and(eq(customerStats.orgId, customers.orgId), eq(customerStats.customerId, customers.id)),
    )
    .where(and(...where))
    .orderBy(...(sort ? [sql`${sort.key} ${direction}`] : []), sql`${customers.externalId} ${direction}`)
    .limit(f.limit + 1);
  return rows as CustomerListRow[];
}
