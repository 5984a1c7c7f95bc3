import type { Executor } from '../../../db/database';
import { findCase, insertTimeline } from '../data/repo-cases';

/** The customer of a case, with the case held until the transaction ends; undefined when no such case. */
export async function lockCaseCustomerInTx(tx: Executor, orgId: string, caseId: string) {
  const c = await findCase(tx, orgId, caseId, true);
  return c && { customerId: c.customerId, status: c.status };
}

/** A goodwill gesture granted on the case, in its timeline (in the caller's transaction). */
export async function recordGoodwillOnCaseInTx(
  tx: Executor,
  orgId: string,
  caseId: string,
  grant: { grantId: string; kind: string; amountMinor: number; currency: string; note: string | null },
  authorId: string | null,
  at: Date,
) {
  await insertTimeline(tx, orgId, {
    caseId,
    kind: 'goodwill',
    authorId,
    text: grant.note,
    data: {
      grantId: grant.grantId,
      kind: grant.kind,
      amountMinor: grant.amountMinor,
      currency: grant.currency,
    },
    at,
  });
}
