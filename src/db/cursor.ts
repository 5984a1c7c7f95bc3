import { type SQL, sql } from 'drizzle-orm';
import { type Executor, rowsOf } from './database';

let cursors = 0;

/**
 * Rows of `query` in batches through a server-side cursor: one pass over a large result
 * without holding it whole, on both engines. Must run inside a transaction (`withOrg`).
 */
export async function* fetchInBatches<T>(tx: Executor, query: SQL, batchSize = 20_000): AsyncGenerator<T[]> {
  const name = sql.raw(`orientir_cursor_${++cursors}`);
  const size = sql.raw(String(Math.max(1, Math.floor(batchSize))));
  await tx.execute(sql`declare ${name} no scroll cursor for ${query}`);
  let failed = false;
  try {
    for (;;) {
      const rows = rowsOf<T>(await tx.execute(sql`fetch forward ${size} from ${name}`));
      if (rows.length) yield rows;
      if (rows.length < batchSize) return;
    }
  } catch (err) {
    failed = true; // the transaction is aborted: closing would only hide this error
    throw err;
  } finally {
    if (!failed) await tx.execute(sql`close ${name}`);
  }
}
