import type { AppContext } from '../../../http/types';
import { invalid } from '../../../lib/errors';
import { lockCases } from '../data/repo-cases';
import { changeCaseInTx } from './change-case';
import { checkCaseReferences } from './check-references';

export type BulkAction =
  | { action: 'assign'; caseIds: string[]; ownerId?: string | null; teamId?: string | null }
  | { action: 'close'; caseIds: string[] };

/**
 * Assigns or closes many cases in one transaction: all of them or none. A case already as asked
 * is left alone, so the same request again changes nothing (`unchanged` lists those).
 */
export function bulkChangeCases(ctx: AppContext, orgId: string, bulk: BulkAction, authorId: string | null) {
  return ctx.db.withOrg(orgId, async (tx) => {
    const ids = [...new Set(bulk.caseIds)];
    const found = new Map((await lockCases(tx, orgId, ids)).map((c) => [c.id, c]));
    const missing = bulk.caseIds.findIndex((id) => !found.has(id));
    if (missing >= 0) throw invalid(`body.caseIds.${missing}`, 'is not a case of this organization');
    if (bulk.action === 'assign') await checkCaseReferences(tx, orgId, bulk);
    const patch =
      bulk.action === 'close'
        ? ({ status: 'closed' } as const)
        : {
            ...(bulk.ownerId !== undefined && { ownerId: bulk.ownerId }),
            ...(bulk.teamId !== undefined && { teamId: bulk.teamId }),
          };
    const changed: string[] = [];
    const unchanged: string[] = [];
    for (const id of [...found.keys()].sort()) {
      const c = found.get(id)!;
      const asAsked =
        bulk.action === 'close'
          ? c.status === 'closed'
          : (bulk.ownerId === undefined || bulk.ownerId === c.ownerId) &&
            (bulk.teamId === undefined || bulk.teamId === c.teamId);
      if (asAsked) {
        unchanged.push(id);
        continue;
      }
      await changeCaseInTx(ctx, tx, orgId, id, patch, authorId);
      changed.push(id);
    }
    return { changed, unchanged };
  });
}
