/**
 * Where a row stands in a list kept in creation order (surveys, a survey's responses): the position
 * the next page's cursor holds. The routes decode a cursor back into it (`http/cursor.ts`).
 */
export const positionAfter = (row: { createdAt: Date; id: string }): [string, string] => [
  row.createdAt.toISOString(),
  row.id,
];

/** Where a response stands in a newest-first list: its answered time (submitted, else created), then id. */
export const answeredPosition = (row: {
  submittedAt: Date | null;
  createdAt: Date;
  id: string;
}): [string, string] => [(row.submittedAt ?? row.createdAt).toISOString(), row.id];
