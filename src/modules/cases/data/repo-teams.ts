import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../db/database';
import { after } from '../../../db/keyset';
import { OPEN_STATUSES } from '../domain/model';
import { cases, caseTeams } from './tables';

const teamColumns = {
  id: caseTeams.id,
  name: caseTeams.name,
  managerId: caseTeams.managerId,
  defaultCapacity: caseTeams.defaultCapacity,
  memberCapacity: caseTeams.memberCapacity,
  lastAssigneeId: caseTeams.lastAssigneeId,
  createdAt: caseTeams.createdAt,
};
export type CaseTeam = {
  id: string;
  name: string;
  managerId: string | null;
  defaultCapacity: number;
  memberCapacity: Record<string, number>;
  lastAssigneeId: string | null;
  createdAt: Date;
};

export async function listTeams(tx: Executor, orgId: string): Promise<CaseTeam[]> {
  return tx
    .select(teamColumns)
    .from(caseTeams)
    .where(eq(caseTeams.orgId, orgId))
    .orderBy(asc(caseTeams.name))
    .limit(1000);
}

/** A page of teams by name: `limit + 1` rows after the (name, id) position. */
export async function pageTeams(
  tx: Executor,
  orgId: string,
  limit: number,
  position?: [string, string],
): Promise<CaseTeam[]> {
  const order = [caseTeams.name, caseTeams.id] as const;
  return tx
    .select(teamColumns)
    .from(caseTeams)
    .where(and(eq(caseTeams.orgId, orgId), after(order, position)))
    .orderBy(...order.map((c) => asc(c)))
    .limit(limit + 1);
}

/** `lock` holds the row until the transaction ends: round-robin assignment takes turns. */
export async function findTeam(
  tx: Executor,
  orgId: string,
  id: string,
  lock = false,
): Promise<CaseTeam | undefined> {
  const query = tx
    .select(teamColumns)
    .from(caseTeams)
    .where(and(eq(caseTeams.orgId, orgId), eq(caseTeams.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export type TeamInput = Pick<CaseTeam, 'name' | 'managerId' | 'defaultCapacity' | 'memberCapacity'>;

/** Undefined when the name is taken. */
export async function insertTeam(tx: Executor, orgId: string, input: TeamInput, now: Date) {
  const [row] = await tx
    .insert(caseTeams)
    .values({ ...input, orgId, createdAt: now })
    .onConflictDoNothing()
    .returning({ id: caseTeams.id });
  return row?.id;
}

export async function updateTeam(
  tx: Executor,
  orgId: string,
  id: string,
  patch: Partial<TeamInput & { lastAssigneeId: string | null }>,
) {
  if (!Object.keys(patch).length) return;
  await tx
    .update(caseTeams)
    .set(patch)
    .where(and(eq(caseTeams.orgId, orgId), eq(caseTeams.id, id)));
}

export async function deleteTeam(tx: Executor, orgId: string, id: string): Promise<boolean> {
  const rows = await tx
    .delete(caseTeams)
    .where(and(eq(caseTeams.orgId, orgId), eq(caseTeams.id, id)))
    .returning({ id: caseTeams.id });
  return rows.length > 0;
}

/** Open cases per owner, for capacity checks. */
export async function countOpenCasesByOwner(
  tx: Executor,
  orgId: string,
  ownerIds: string[],
): Promise<Map<string, number>> {
  if (!ownerIds.length) return new Map();
  const rows = await tx
    .select({ ownerId: cases.ownerId, n: count() })
    .from(cases)
    .where(
      and(
        eq(cases.orgId, orgId),
        inArray(cases.ownerId, ownerIds),
        inArray(cases.status, [...OPEN_STATUSES]),
      ),
    )
    .groupBy(cases.ownerId);
  return new Map(rows.map((r) => [r.ownerId as string, Number(r.n)]));
}
