import { and, count, eq, lt } from 'drizzle-orm';
import type { Executor } from '../../../db/database';
import { cases } from './tables';

/** Open cases whose pending deadline (first response, else resolution) has passed by `now`. */
export async function countOverdueCases(tx: Executor, orgId: string, now: Date): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(cases)
    .where(and(eq(cases.orgId, orgId), lt(cases.nextDueAt, now)));
  return Number(row?.n ?? 0);
}
