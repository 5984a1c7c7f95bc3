import { loadConfig } from '../config';
import type { AppContext } from '../http/types';
import { openContext } from '../runtime';

/** Runs a CLI action against the configured database and always closes it. */
export async function withContext<T>(action: (ctx: AppContext) => Promise<T>): Promise<T> {
  const ctx = await openContext(loadConfig());
  try {
    return await action(ctx);
  } finally {
    await ctx.db.close();
  }
}

export const printJson = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
