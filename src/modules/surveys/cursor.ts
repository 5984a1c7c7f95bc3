import { decodeCursor } from '../../http/pagination';
import { invalid } from '../../lib/errors';

/** A (createdAt, id) position from a cursor this API issued. */
export function positionOf(cursor: string | undefined): [string, string] | undefined {
  const position = decodeCursor(cursor);
  if (!position) return undefined;
  const [at, id] = position;
  if (
    typeof at !== 'string' ||
    Number.isNaN(Date.parse(at)) ||
    typeof id !== 'string' ||
    !/^[0-9a-f-]{36}$/.test(id)
  ) {
    throw invalid('query.cursor', 'is not a cursor this API issued');
  }
  return [at, id];
}

export const positionAfter = (row: { createdAt: Date; id: string }) => [row.createdAt.toISOString(), row.id];
