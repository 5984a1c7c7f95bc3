import type { AppContext } from '../../../http/types';
import { invalid } from '../../../lib/errors';
import { wilsonInterval } from '../../../lib/stats/wilson';
import { caseWorkInTx } from '../../cases/api';
import { grantsByUser } from '../data/repo-goodwill';
import { praiseCounts } from '../data/repo-recognition';
import { employeeFilter, findRow, pageByName } from '../data/repo-structure';
import { employees, teams } from '../data/tables';

const DAY = 86_400_000;

type CaseWork = Awaited<ReturnType<typeof caseWorkInTx>>['byOwner'] extends Map<string, infer V> ? V : never;

/** A rate with its 95% Wilson interval; null when nothing was measured. */
function rateOf(successes: number, n: number) {
  if (!n) return null;
  return { value: successes / n, n, ci95: wilsonInterval(successes, n)! };
}

function scorecard(
  work: CaseWork | undefined,
  praise: number,
  goodwill: { grants: number; minor: number } | undefined,
) {
  return {
    casesHandled: work?.handled ?? 0,
    casesResolved: work?.resolved ?? 0,
    medianFirstResponseMinutes: work?.medianFirstResponseMinutes ?? null,
    medianResolutionMinutes: work?.medianResolutionMinutes ?? null,
    slaMet: rateOf(work?.slaMet ?? 0, work?.slaKnown ?? 0),
    solvedByFollowUp: rateOf(work?.followUpsYes ?? 0, work?.followUps ?? 0),
    praise,
    goodwillGrants: goodwill?.grants ?? 0,
    goodwillMinor: goodwill?.minor ?? 0,
  };
}

/**
 * Per person and per team over a window (default the last 90 days): cases handled and resolved,
 * median business minutes to first response and to resolution, SLA met and "solved" follow-ups
 * as rates with intervals, praise received and goodwill granted.
 */
export async function agentScorecards(
  ctx: AppContext,
  orgId: string,
  q: { from?: string; to?: string; teamId?: string },
) {
  const to = q.to ? new Date(q.to) : ctx.clock.now();
  const from = q.from ? new Date(q.from) : new Date(to.getTime() - 90 * DAY);
  if (from >= to) throw invalid('query.to', 'must be after from');
  const window = { from, to };
  return ctx.db.withOrg(orgId, async (tx) => {
    if (q.teamId && !(await findRow(tx, teams, orgId, q.teamId)))
      throw invalid('query.teamId', 'is not a team of this organization');
    const work = await caseWorkInTx(tx, orgId, window, ctx.clock.now());
    const praise = await praiseCounts(tx, orgId, window);
    const goodwill = await grantsByUser(tx, orgId, window);
    const people = await pageByName(
      tx,
      employees,
      orgId,
      5_000,
      undefined,
      employeeFilter({ teamId: q.teamId, current: true }),
    );
    const teamRows = await pageByName(tx, teams, orgId, 1_000, undefined);
    const shown = q.teamId ? teamRows.filter((t) => t.id === q.teamId) : teamRows;
    return {
      from,
      to,
      people: people.map((e) => ({
        employeeId: e.id,
        name: e.name,
        teamId: e.teamId,
        userId: e.userId,
        ...scorecard(
          e.userId ? work.byOwner.get(e.userId) : undefined,
          praise.get(e.id) ?? 0,
          e.userId ? goodwill.get(e.userId) : undefined,
        ),
      })),
      teams: shown.map((t) => {
        const members = people.filter((e) => e.teamId === t.id);
        const grants = members.reduce(
          (sum, e) => {
            const g = e.userId ? goodwill.get(e.userId) : undefined;
            return { grants: sum.grants + (g?.grants ?? 0), minor: sum.minor + (g?.minor ?? 0) };
          },
          { grants: 0, minor: 0 },
        );
        return {
          teamId: t.id,
          name: t.name,
          members: members.length,
          ...scorecard(
            work.byTeam.get(t.id),
            members.reduce((s, e) => s + (praise.get(e.id) ?? 0), 0),
            grants,
          ),
        };
      }),
    };
  });
}
