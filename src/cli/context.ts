import { InvalidArgumentError } from 'commander';
import { loadConfig } from '../config';
import type { AppContext } from '../http/types';

/** Runs a CLI action against the configured database and always closes it. */
export async function withContext<T>(action: (ctx: AppContext) => Promise<T>): Promise<T> {
  // Loaded when a command runs: the manifests import their commands, and the runtime imports the
  // manifests, so a static import here would make the registry load itself half-way.
  const { openContext } = await import('../runtime');
  const ctx = await openContext(loadConfig());
  try {
    return await action(ctx);
  } finally {
    await ctx.db.close();
  }
}

export const printJson = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);

/** The organization named by `--org <slug>` on the command line. */
export async function findOrgId(ctx: AppContext, slug: string) {
  const rows = await ctx.db.queryOwner<{ id: string }>('select id from orgs where slug = $1', [slug]);
  if (!rows[0]) throw new InvalidArgumentError(`no organization with slug "${slug}"`);
  return rows[0].id;
}
