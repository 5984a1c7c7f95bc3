import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/database';
import { cases } from './tables';

export type ResponseCase = { id: string; title: string; status: string };

/** The case each of these responses opened (the latest, should several have), by response id. */
export async function findCasesOfResponses(
  tx: Executor,
  orgId: string,
  responseIds: string[],
): Promise<Map<string, ResponseCase>> {
  if (!responseIds.length) return new Map();
  const rows = await tx
    .select({ responseId: cases.responseId, id: cases.id, title: cases.title, status: cases.status })
    .from(cases)
    .where(and(eq(cases.orgId, orgId), inArray(cases.responseId, responseIds)))
    .orderBy(desc(cases.createdAt));
  const found = new Map<string, ResponseCase>();
  for (const { responseId, ...c } of rows) if (responseId && !found.has(responseId)) found.set(responseId, c);
  return found;
}

/** A subquery of the ids of the organization's responses that opened a case, for `response_id in (…)`. */
export const responseIdsWithCases = (orgId: string): SQL =>
  sql`(select ${cases.responseId} from ${cases} where ${cases.orgId} = ${orgId} and ${cases.responseId} is not null)`;
