import type { Executor } from '../../../db/database';
import { invalid } from '../../../lib/errors';
import { findUserRef } from '../../orgs/api';
import { findLocationNames } from '../../people/api';
import { responseExists } from '../../surveys/api';
import { findTeam } from '../data/repo-teams';
import type { RootCause } from '../data/tables';
import { CASE_HANDLING_ROLES } from '../domain/roles';

type Role = (typeof CASE_HANDLING_ROLES)[number];

/**
 * Owner, team, root cause and survey response of a case must exist in this organization; the
 * error names the body field.
 */
export async function checkCaseReferences(
  tx: Executor,
  orgId: string,
  p: {
    ownerId?: string | null;
    teamId?: string | null;
    locationId?: string | null;
    rootCause?: string | null;
    responseId?: string | null;
  },
  rootCauses: readonly RootCause[] = [],
) {
  if (p.ownerId) {
    const user = await findUserRef(tx, orgId, p.ownerId);
    if (!user || user.disabledAt) throw invalid('body.ownerId', 'is not an active user of this organization');
    if (!CASE_HANDLING_ROLES.includes(user.role as Role))
      throw invalid('body.ownerId', `is a ${user.role}, who does not handle cases`);
  }
  if (p.teamId && !(await findTeam(tx, orgId, p.teamId))) {
    throw invalid('body.teamId', 'is not a team of this organization');
  }
  if (p.locationId && !(await findLocationNames(tx, orgId, [p.locationId])).has(p.locationId)) {
    throw invalid('body.locationId', 'is not a location of this organization');
  }
  if (p.responseId && !(await responseExists(tx, orgId, p.responseId))) {
    throw invalid('body.responseId', 'is not a survey response of this organization');
  }
  if (p.rootCause && !rootCauses.some((r) => r.key === p.rootCause)) {
    throw invalid('body.rootCause', "is not in the organization's root-cause taxonomy");
  }
}
