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
