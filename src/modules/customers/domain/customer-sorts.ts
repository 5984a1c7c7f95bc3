/**
 * Orders of the customer list: by external id, or by a figure, highest first with a leading '-'.
 * Customers without the figure (never bought, not yet scored) come last either way.
 */
export const CUSTOMER_SORTS = [
  'externalId',
  '-clv',
  'clv',
  '-aliveProbability',
  'aliveProbability',
  '-lastPurchase',
  'lastPurchase',
] as const;
export type CustomerSort = (typeof CUSTOMER_SORTS)[number];

const INT64 = { min: -(2n ** 63n), max: 2n ** 63n - 1n };

/**
 * Whether `key` can be the sort key of a cursor of this order, as the list writes it: a whole
 * number within 64 bits for the value, a decimal for the probability, a real calendar day for the
 * last purchase. A crafted cursor whose key the database could not read is refused before the query.
 */
export function isSortKey(sort: Exclude<CustomerSort, 'externalId'>, key: string): boolean {
  const figure = sort.replace('-', '');
  if (figure === 'clv')
    return /^-?\d{1,19}$/.test(key) && BigInt(key) >= INT64.min && BigInt(key) <= INT64.max;
  if (figure === 'aliveProbability') return /^-?\d{1,20}(\.\d{1,20})?(e[-+]?\d{1,3})?$/i.test(key);
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (!day) return false;
  const [y, m, d] = [Number(day[1]), Number(day[2]), Number(day[3])];
  const date = new Date(Date.UTC(2000, m - 1, d));
  date.setUTCFullYear(y);
  return y >= 1 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
