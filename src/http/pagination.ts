import { z } from 'zod';
import { AppError } from '../lib/errors';
import { isDayInRange, isInstantInRange, textProblem } from '../lib/safe-input';

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

/** What one place of a cursor's position holds. */
export type CursorPart = 'text' | 'uuid' | 'instant' | 'instant?' | 'day' | 'integer';
type PartValue<P extends CursorPart> = P extends 'integer'
  ? number
  : P extends 'instant?'
    ? string | null
    : string;
export type Position<P extends readonly CursorPart[]> = { -readonly [I in keyof P]: PartValue<P[I]> };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isText = (v: unknown): v is string => typeof v === 'string' && v.length <= 1000 && !textProblem(v);
const PART_CHECKS: Record<CursorPart, (v: unknown) => boolean> = {
  text: isText,
  uuid: (v) => typeof v === 'string' && UUID.test(v),
  instant: (v) => isText(v) && isInstantInRange(v),
  'instant?': (v) => v === null || (isText(v) && isInstantInRange(v)),
  day: (v) => isText(v) && isDayInRange(v),
  integer: (v) => Number.isSafeInteger(v),
};

const notOurs = (message = 'is not a cursor this API issued') =>
  new AppError('validation', `query.cursor: ${message}`, [{ field: 'query.cursor', message }]);

/**
 * The position a cursor of this API holds, each place checked against `parts`: a cursor that is
 * not base64url JSON of exactly that shape (bad encoding, other types, NUL, dates out of range,
 * numbers past the safe integers) is refused with a 400 naming `query.cursor`, before any query.
 */
export function decodeCursor<const P extends readonly CursorPart[]>(
  cursor: string | undefined,
  parts: P,
): Position<P> | undefined {
  if (!cursor) return undefined;
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw notOurs();
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw notOurs();
  }
  if (!Array.isArray(value) || value.length !== parts.length) throw notOurs();
  if (!parts.every((part, i) => PART_CHECKS[part](value[i]))) throw notOurs();
  return value as Position<P>;
}

/** Fetch `limit + 1` rows, then call this: it trims the extra row and makes the next cursor. */
export function pageOf<T>(rows: T[], limit: number, positionOf: (row: T) => unknown[]) {
  const items = rows.slice(0, limit);
  const nextCursor = rows.length > limit ? encodeCursor(positionOf(items[items.length - 1])) : null;
  return { items, nextCursor };
}

export type PageQuery = { limit: number; cursor?: string };

/**
 * A page of a list kept in creation order: the cursor holds the last row's (created at, id);
 * `fetch` answers `limit + 1` rows after that position (`after` and `byCreation` of
 * `src/db/keyset.ts`).
 */
export async function pageByCreation<T extends { createdAt: Date; id: string }>(
  page: PageQuery,
  fetch: (limit: number, position?: [string, string]) => Promise<T[]>,
) {
  const rows = await fetch(page.limit, decodeCursor(page.cursor, ['instant', 'uuid']));
  return pageOf(rows, page.limit, (r) => [r.createdAt.toISOString(), r.id]);
}
