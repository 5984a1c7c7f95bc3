import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/database';
import { goodwillGrants } from './tables-goodwill';

/**
 * Every goodwill gesture of one kind (of any kind when none is named), oldest first: its id, customer and
 * when it was granted. Loyalty perks of the source 'goodwill' read their grants from them.
 */
export async function findGoodwillGestures(tx: Executor, orgId: string, kind: string | null) {
  return tx
    .select({
      id: goodwillGrants.id,
      customerId: goodwillGrants.customerId,
      grantedAt: goodwillGrants.grantedAt,
    })
    .from(goodwillGrants)
    .where(
      and(
        eq(goodwillGrants.orgId, orgId),
        kind === null
          ? undefined
          : eq(goodwillGrants.kind, kind as (typeof goodwillGrants.kind)['_']['data']),
      ),
    )
    .orderBy(asc(goodwillGrants.grantedAt), asc(goodwillGrants.id));
}
