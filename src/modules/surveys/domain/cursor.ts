/**
 * Where a row stands in a list kept in creation order (surveys, a survey's responses): the position
 * the next page's cursor holds. The routes decode a cursor back into it (`http/cursor.ts`).
 */
export const positionAfter = (row: { createdAt: Date; id: string }): [string, string] => [
  row.createdAt.toISOString(),
  row.id,
];
