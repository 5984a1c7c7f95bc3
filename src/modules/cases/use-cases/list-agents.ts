import { type PageQuery, pageByCreation } from '../../../http/pagination';
import type { AppContext } from '../../../http/types';
import { pageUsersWithRoles } from '../../orgs/api';
import { CASE_HANDLING_ROLES } from '../domain/roles';
import { listTeams } from './settings';

/** The people a case may be assigned to: active users whose role handles cases, with their names. */
export async function listCaseAgents(ctx: AppContext, orgId: string, page: PageQuery) {
  const result = await pageByCreation(page, (limit, position) =>
    ctx.db.withOrg(orgId, (tx) => pageUsersWithRoles(tx, orgId, CASE_HANDLING_ROLES, limit, position)),
  );
  return {
    items: result.items.map((u) => ({ id: u.id, name: u.name, email: u.email, role: u.role, team: u.team })),
    nextCursor: result.nextCursor,
  };
}

/** The teams a case may be assigned to, by name: what anyone who reads cases needs to pick one. */
export async function listAssignableTeams(ctx: AppContext, orgId: string, page: PageQuery) {
  const result = await listTeams(ctx, orgId, page);
  return { items: result.items.map((t) => ({ id: t.id, name: t.name })), nextCursor: result.nextCursor };
}
