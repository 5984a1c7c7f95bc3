import { and, desc, eq, gte, isNotNull } from 'drizzle-orm';
import type { Executor } from '../../../db/database';
import { cases } from './tables';

/** Who resolved the customer's latest case resolved since `since` (its owner), if anyone. */
export async function findLatestResolver(tx: Executor, orgId: string, customerId: string, since: Date) {
  const [row] = await tx
    .select({ caseId: cases.id, ownerId: cases.ownerId })
    .from(cases)
    .where(
      and(
        eq(cases.orgId, orgId),
        eq(cases.customerId, customerId),
        isNotNull(cases.ownerId),
        gte(cases.resolvedAt, since),
      ),
    )
    .orderBy(desc(cases.resolvedAt))
    .limit(1);
  return row as { caseId: string; ownerId: string } | undefined;
}
