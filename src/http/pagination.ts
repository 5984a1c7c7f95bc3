import { z } from 'zod';
import { AppError } from '../lib/errors';

/** `limit` and an opaque `cursor`; every list answers `{items, nextCursor}`. */
export const ZPageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
});

export const zPage = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export function encodeCursor(position: unknown[]): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): unknown[] | undefined {
  if (!cursor) return undefined;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value)) return value;
  } catch {
    // fall through to the error below
  }
  throw new AppError('validation', 'cursor: is not a cursor this API issued', [
    { field: 'query.cursor', message: 'is not a cursor this API issued' },
  ]);
}

/** Fetch `limit + 1` rows, then call this: it trims the extra row and makes the next cursor. */
export function pageOf<T>(rows: T[], limit: number, positionOf: (row: T) => unknown[]) {
  const items = rows.slice(0, limit);
  const nextCursor = rows.length > limit ? encodeCursor(positionOf(items[items.length - 1])) : null;
  return { items, nextCursor };
}
