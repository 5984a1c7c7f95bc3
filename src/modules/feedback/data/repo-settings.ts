import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/database';
import { feedbackSettings } from './tables';

export type FeedbackSettings = { anonymityThreshold: number; rollupTimeZone: string; updatedAt?: Date };

const DEFAULTS = { anonymityThreshold: 5, rollupTimeZone: 'UTC' };

/** The organization's settings; defaults (and UTC roll-up days) until a row exists. */
export async function findSettings(tx: Executor, orgId: string): Promise<FeedbackSettings> {
  const [row] = await tx
    .select({
      anonymityThreshold: feedbackSettings.anonymityThreshold,
      rollupTimeZone: feedbackSettings.rollupTimeZone,
      updatedAt: feedbackSettings.updatedAt,
    })
    .from(feedbackSettings)
    .where(eq(feedbackSettings.orgId, orgId));
  return row ?? DEFAULTS;
}

export async function saveSettings(
  tx: Executor,
  orgId: string,
  patch: Partial<Pick<FeedbackSettings, 'anonymityThreshold' | 'rollupTimeZone'>>,
): Promise<FeedbackSettings> {
  await tx
    .insert(feedbackSettings)
    .values({ orgId, ...DEFAULTS, ...patch })
    .onConflictDoUpdate({ target: feedbackSettings.orgId, set: { ...patch, updatedAt: sql`now()` } });
  return findSettings(tx, orgId);
}

// Recording answers takes this lock shared; rebuilding the roll-ups takes it alone, so that a
// rebuild never counts an answer twice or misses one committed while it ran.
const lockKey = (orgId: string) => sql`hashtextextended(${`feedback:${orgId}`}, 0)`;

export async function lockForRecording(tx: Executor, orgId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock_shared(${lockKey(orgId)})`);
}

export async function lockForRebuild(tx: Executor, orgId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(${lockKey(orgId)})`);
}
