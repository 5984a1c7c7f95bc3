import { and, eq, gt, lt, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/**
 * A timestamp as a cursor holds it: to the millisecond (a JavaScript date). PostgreSQL keeps
 * microseconds, so a page ordered and compared by the column itself would meet its own last row again.
 */
export const toMilliseconds = (column: PgColumn | SQL) => sql`date_trunc('milliseconds', ${column})`;

type Columns = readonly (PgColumn | SQL)[];

/**
 * `(a, b) > (x, y)` (or `<`) spelt out, so it holds on both engines. No position: every row.
 * Order the query by the same `columns`.
 */
function beyond(compare: typeof gt | typeof lt, columns: Columns, position: readonly unknown[] | undefined) {
  if (!position) return undefined;
  return or(
    ...columns.map((column, i) =>
      and(
        ...columns.slice(0, i).map((c, j) => eq(c as SQL, position[j])),
        compare(column as SQL, position[i]),
      ),
    ),
  );
}

/** The rows after `position` in the ascending order of `columns`: the condition of a keyset page. */
export const after = (columns: Columns, position: readonly unknown[] | undefined): SQL | undefined =>
  beyond(gt, columns, position);

/** The rows before `position` in the ascending order of `columns`: a keyset page of a newest-first list. */
export const before = (columns: Columns, position: readonly unknown[] | undefined): SQL | undefined =>
  beyond(lt, columns, position);

/** The order of a list kept in creation order: created at (to the millisecond), then id. */
export const byCreation = (table: { createdAt: PgColumn; id: PgColumn }): (PgColumn | SQL)[] => [
  toMilliseconds(table.createdAt),
  table.id,
];
