import type { AppContext } from '../../../http/types';
import { AppError } from '../../../lib/errors';
import { takeResponsesIntoCases } from '../../cases/api';
import { findInboxRows } from '../data/repo-inbox';

/**
 * The inbox's bulk action: each chosen response joins its customer's open case or opens one (a
 * response with a case keeps it), all in one transaction. An id that is no complete response of
 * the organization is a 400 naming it, before anything is written.
 */
export function putResponsesInCases(
  ctx: AppContext,
  orgId: string,
  responseIds: string[],
  authorId: string | null,
) {
  return ctx.db.withOrg(orgId, async (tx) => {
    const ids = [...new Set(responseIds)];
    const rows = await findInboxRows(tx, orgId, ids);
    const found = new Map(rows.map((row) => [row.id, row]));
    const errors = responseIds.flatMap((id, i) =>
      found.has(id)
        ? []
        : [{ field: `body.responseIds.${i}`, message: 'is no answered response of this organization' }],
    );
    if (errors.length) throw new AppError('validation', `${errors[0].field}: ${errors[0].message}`, errors);
    const chosen = ids.map((id) => {
      const row = found.get(id)!;
      const scores: { nps?: number; csat?: number; ces?: number } = {};
      if (row.nps !== null) scores.nps = row.nps;
      if (row.csat !== null) scores.csat = row.csat;
      if (row.ces !== null) scores.ces = row.ces;
      return {
        responseId: id,
        surveyId: row.surveyId,
        customerId: row.customerId,
        scores,
        comment: row.comment,
        answeredAt: new Date(row.answeredAt),
      };
    });
    return { items: await takeResponsesIntoCases(ctx, tx, orgId, chosen, authorId) };
  });
}
