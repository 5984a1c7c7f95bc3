import { decodeCursor } from '../../../http/pagination';

/**
 * The (created at, id) position of a cursor that a list of surveys or responses issued
 * (`positionAfter` of `domain/cursor.ts`); any other cursor is a 400 naming `query.cursor`.
 */
export function positionOf(cursor: string | undefined): [string, string] | undefined {
  return decodeCursor(cursor, ['instant', 'uuid']);
}
