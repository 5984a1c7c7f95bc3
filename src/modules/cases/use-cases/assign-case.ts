import type { Executor } from '../../../db/database';
import { findUserRef, listTeamUsers } from '../../orgs/api';
import { countOpenCasesByOwner, findTeam, updateTeam } from '../data/repo-teams';

/**
 * Who takes a new case: the customer's own account owner when they have one; otherwise the
 * next member of the team, in turn, who is under their open-case capacity. Nobody when all are full.
 */
export async function chooseOwner(
  tx: Executor,
  orgId: string,
  { customerOwnerId, teamId }: { customerOwnerId: string | null; teamId: string | null },
): Promise<string | null> {
  if (customerOwnerId) {
    const owner = await findUserRef(tx, orgId, customerOwnerId);
    if (owner && !owner.disabledAt) return owner.id;
  }
  if (!teamId) return null;
  const team = await findTeam(tx, orgId, teamId, true);
  if (!team) return null;
  const members = await listTeamUsers(tx, orgId, team.name);
  if (!members.length) return null;
  const load = await countOpenCasesByOwner(
    tx,
    orgId,
    members.map((m) => m.id),
  );
  const last = members.findIndex((m) => m.id === team.lastAssigneeId);
  for (let step = 1; step <= members.length; step++) {
    const member = members[(last + step) % members.length];
    const capacity = team.memberCapacity[member.id] ?? team.defaultCapacity;
    if ((load.get(member.id) ?? 0) < capacity) {
      await updateTeam(tx, orgId, team.id, { lastAssigneeId: member.id });
      return member.id;
    }
  }
  return null;
}
