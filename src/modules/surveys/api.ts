import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/database';
import { surveyResponses, surveys } from './data/tables';

// What other modules may ask the surveys module: whether the objects they refer to exist.

/** Whether a response of this organization has this id. */
export async function responseExists(tx: Executor, orgId: string, id: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: surveyResponses.id })
    .from(surveyResponses)
    .where(and(eq(surveyResponses.orgId, orgId), eq(surveyResponses.id, id)))
    .limit(1);
  return Boolean(row);
}

/** The ids among `ids` that are not surveys of this organization. */
export async function missingSurveys(tx: Executor, orgId: string, ids: readonly string[]): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await tx
    .select({ id: surveys.id })
    .from(surveys)
    .where(and(eq(surveys.orgId, orgId), inArray(surveys.id, [...ids])));
  const found = new Set(rows.map((r) => r.id));
  return ids.filter((id) => !found.has(id.toLowerCase()));
}
