import { decodeCursor, pageOf } from '../../../http/pagination';
import type { AppContext } from '../../../http/types';
import { invalid } from '../../../lib/errors';
import { findOrgLocaleSettings } from '../../orgs/api';
import { type CustomerFilter, type CustomerListRow, listCustomers } from '../data/repo-customer-list';
import { isSortKey } from '../domain/customer-sorts';

export type CustomerListQuery = Omit<CustomerFilter, 'attribute' | 'after'> & {
  /** `key:value` of an attribute. */
  attribute?: string;
  cursor?: string;
};

/** A listed customer as the API shows it: no internal id nor sort key, with the currency of its value. */
const listItem =
  (currency: string) =>
  ({ sortKey: _key, id: _id, ...row }: CustomerListRow) => ({ ...row, currency });

/** The filter of a list query: the attribute split, the cursor checked (a 400 naming it otherwise). */
function filterOf(query: CustomerListQuery): Omit<CustomerFilter, 'limit'> {
  const { limit: _limit, cursor, attribute, ...filter } = query;
  const colon = attribute?.indexOf(':') ?? -1;
  const after =
    query.sort === 'externalId' ? decodeCursor(cursor, ['text']) : decodeCursor(cursor, ['text', 'text']);
  if (after && query.sort !== 'externalId' && !isSortKey(query.sort, after[0]))
    throw invalid('query.cursor', 'is not a cursor this API issued for this order');
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
