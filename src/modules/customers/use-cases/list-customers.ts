import { decodeCursor, pageOf } from '../../../http/pagination';
import type { AppContext } from '../../../http/types';
import { findOrgLocaleSettings } from '../../orgs/api';
import { type CustomerFilter, type CustomerListRow, listCustomers } from '../data/repo-customer-list';
import { customerDto } from './profile';

export type CustomerListQuery = Omit<CustomerFilter, 'attribute' | 'after'> & {
  /** `key:value` of an attribute. */
  attribute?: string;
  cursor?: string;
};

const listItem =
  (currency: string) =>
  ({ sortKey: _key, ...row }: CustomerListRow) => ({
    ...customerDto(row),
    currency,
  });

/** The filter of a list query: the attribute split, the cursor checked (a 400 naming it otherwise). */
function filterOf(query: CustomerListQuery): Omit<CustomerFilter, 'limit'> {
  const { limit: _limit, cursor, attribute, ...filter } = query;
  const colon = attribute?.indexOf(':') ?? -1;
  const after =
    query.sort === 'externalId' ? decodeCursor(cursor, ['text']) : decodeCursor(cursor, ['text', 'text']);
  return {
    ...filter,
    attribute: attribute ? { key: attribute.slice(0, colon), value: attribute.slice(colon + 1) } : undefined,
    after,
  };
}

/** A page of customers in the query's order, filtered, with their value figures; erased customers are never listed. */
export async function listCustomerPage(ctx: AppContext, orgId: string, query: CustomerListQuery) {
  const filter = filterOf(query);
  const { rows, currency } = await ctx.db.withOrg(orgId, async (tx) => ({
    rows: await listCustomers(tx, orgId, { ...filter, limit: query.limit }),
    currency: (await findOrgLocaleSettings(tx, orgId)).baseCurrency,
  }));
  const positionOf = (r: CustomerListRow) =>
    query.sort === 'externalId' ? [r.externalId] : [r.sortKey, r.externalId];
  const page = pageOf(rows, query.limit, positionOf);
  return { items: page.items.map(listItem(currency)), nextCursor: page.nextCursor };
}

/**
 * Every customer of the filter, page by page in one transaction each, for a streamed export:
 * `onPage` gets each page's items and the organization's currency.
 */
export async function forEachCustomerPage(
  ctx: AppContext,
  orgId: string,
  query: Omit<CustomerListQuery, 'limit' | 'cursor'>,
  onPage: (items: ReturnType<ReturnType<typeof listItem>>[]) => Promise<void>,
  pageSize = 1000,
) {
  let cursor: string | undefined;
  do {
    const page = await listCustomerPage(ctx, orgId, { ...query, limit: pageSize, cursor });
    await onPage(page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
