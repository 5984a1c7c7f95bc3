import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/database';
import { instanceSecrets, surveySettings } from './tables';

export type SurveySettings = {
  contactCapMax: number;
  contactCapDays: number;
  reminderAfterHours: number;
  remindersMax: number;
  linkValidDays: number;
};

export const DEFAULT_SETTINGS: SurveySettings = {
  contactCapMax: 1,
  contactCapDays: 30,
  reminderAfterHours: 72,
  remindersMax: 1,
  linkValidDays: 30,
};

const columns = {
  contactCapMax: surveySettings.contactCapMax,
  contactCapDays: surveySettings.contactCapDays,
  reminderAfterHours: surveySettings.reminderAfterHours,
  remindersMax: surveySettings.remindersMax,
  linkValidDays: surveySettings.linkValidDays,
};

export async function findSettings(tx: Executor, orgId: string): Promise<SurveySettings> {
  const [row] = await tx.select(columns).from(surveySettings).where(eq(surveySettings.orgId, orgId));
  return row ?? DEFAULT_SETTINGS;
}

export async function saveSettings(tx: Executor, orgId: string, settings: SurveySettings, now: Date) {
  await tx
    .insert(surveySettings)
    .values({ orgId, ...settings, updatedAt: now })
    .onConflictDoUpdate({ target: surveySettings.orgId, set: { ...settings, updatedAt: now } });
}

/** The named instance secret, created with `candidate` when missing (the first process to ask wins). */
export async function findOrCreateInstanceSecret(tx: Executor, name: string, candidate: string) {
  await tx.insert(instanceSecrets).values({ name, value: candidate }).onConflictDoNothing();
  const [row] = await tx
    .select({ value: instanceSecrets.value })
    .from(instanceSecrets)
    .where(eq(instanceSecrets.name, sql`${name}`));
  return row.value;
}
