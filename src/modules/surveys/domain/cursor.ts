import { decodeCursor } from '../../../http/pagination';

/** A (createdAt, id) position from a cursor this API issued. */
export function positionOf(cursor: string | undefined): [string, string] | undefined {
  return decodeCursor(cursor, ['instant', 'uuid']);
}

export const positionAfter = (row: { createdAt: Date; id: string }) => [row.createdAt.toISOString(), row.id];
