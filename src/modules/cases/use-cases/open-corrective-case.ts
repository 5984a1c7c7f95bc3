import type { Executor } from '../../../db/database';
import type { AppContext } from '../../../http/types';
import { findUserRef } from '../../orgs/api';
import { findLink } from '../data/repo-cases';
import { findTeam } from '../data/repo-teams';
import type { Priority } from '../domain/model';
import { CASE_HANDLING_ROLES } from '../domain/roles';
import { openCase } from './open-case';

type Role = (typeof CASE_HANDLING_ROLES)[number];

export type CorrectiveCase = {
  title: string;
  description?: string | null;
  priority: Priority;
  /** The user who owns the correction; one who cannot handle cases is left out (the team's routing picks). */
  ownerId?: string | null;
  teamId?: string | null;
  /** The location the correction is for (one of the organization's, checked by the caller). */
  locationId?: string | null;
  dueAt: Date;
  /** What the case corrects, e.g. `audit:<visit id>`: one case per source, whoever asks again. */
  sourceKey: string;
  occurredAt: Date;
};

/**
 * A corrective-action case opened by another module (a failed audit item): in the caller's
 * transaction, with a due date of its own, linked back to its source. A source that already has
 * a case gets that case back, not a second one.
 */
export async function openCorrectiveCaseInTx(
  ctx: AppContext,
  tx: Executor,
  orgId: string,
  c: CorrectiveCase,
): Promise<{ caseId: string; opened: boolean }> {
  const existing = await findLink(tx, orgId, c.sourceKey);
  if (existing) return { caseId: existing.caseId, opened: false };
  const owner = c.ownerId ? await findUserRef(tx, orgId, c.ownerId) : undefined;
  const ownerId =
    owner && !owner.disabledAt && CASE_HANDLING_ROLES.includes(owner.role as Role) ? owner.id : null;
  const teamId = c.teamId && (await findTeam(tx, orgId, c.teamId)) ? c.teamId : null;
  const opened = await openCase(ctx, tx, orgId, {
    title: c.title,
    description: c.description ?? null,
    priority: c.priority,
    source: 'api',
    teamId,
    ownerId,
    resolutionDueAt: c.dueAt,
    locationId: c.locationId ?? null,
    link: { sourceKey: c.sourceKey, kind: 'audit', occurredAt: c.occurredAt },
  });
  return { caseId: opened.id, opened: true };
}

/** The same in a transaction of its own. */
export const openCorrectiveCase = (ctx: AppContext, orgId: string, c: CorrectiveCase) =>
  ctx.db.withOrg(orgId, (tx) => openCorrectiveCaseInTx(ctx, tx, orgId, c));
