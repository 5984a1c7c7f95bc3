import { sql } from 'drizzle-orm';
import type { Executor } from '../../../db/database';
import { orgs, setupTokens } from './tables';

export async function anyOrgExists(tx: Executor) {
  const rows = await tx.select({ id: orgs.id }).from(orgs).limit(1);
  return rows.length > 0;
}

export async function insertSetupToken(tx: Executor, tokenHash: string, createdAt: Date) {
  await tx.insert(setupTokens).values({ tokenHash, createdAt });
}

/**
 * Takes every stored set-up token out, locking them: a concurrent set-up waits for this
 * transaction and then finds none. The caller rolls back when none fits.
 */
export async function takeSetupTokens(tx: Executor) {
  const rows = await tx.delete(setupTokens).returning({ tokenHash: setupTokens.tokenHash });
  return rows.map((r) => r.tokenHash);
}

/** Serializes set-ups and token issues: the first organization is created once. */
export async function lockFirstRun(tx: Executor) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('orientir.first-run'))`);
}
