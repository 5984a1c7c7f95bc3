import type { Executor } from '../../../db/database';
import { caseStatsBy } from '../data/repo-agent-stats';

/** The closed loop's work per owner (user id) and per team over cases opened in the window. */
export async function caseWorkInTx(tx: Executor, orgId: string, window: { from: Date; to: Date }, now: Date) {
  const [owners, teams] = [
    await caseStatsBy(tx, orgId, window, now, 'owner'),
    await caseStatsBy(tx, orgId, window, now, 'team'),
  ];
  return { byOwner: new Map(owners.map((r) => [r.key, r])), byTeam: new Map(teams.map((r) => [r.key, r])) };
}
