import type { AppContext } from '../../../http/types';
import { countOverdueCases } from '../data/repo-overdue';

/** How many open cases are past their SLA deadline now (reports quote it). */
export const countCasesPastSla = (ctx: AppContext, orgId: string) =>
  ctx.db.withOrg(orgId, (tx) => countOverdueCases(tx, orgId, ctx.clock.now()));
