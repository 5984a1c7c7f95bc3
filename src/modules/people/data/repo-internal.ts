import { and, asc, desc, eq, gt, gte, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/database';
import { departments, employees } from './tables';
import { internalAnswers, internalLinks, internalRoundPairs, internalRounds } from './tables-internal';

export type InternalPair = { raterDepartmentId: string; ratedDepartmentId: string };

/** Every department of the organization with the topics it owns, by name. */
export async function listDepartments(tx: Executor, orgId: string) {
  return tx
    .select({ id: departments.id, name: departments.name, topics: departments.topics })
    .from(departments)
    .where(eq(departments.orgId, orgId))
    .orderBy(asc(departments.name), asc(departments.id));
}

/** The current employees of some departments (not left by `today`), with their manager's name. */
export async function listCurrentEmployeesOf(
  tx: Executor,
  orgId: string,
  departmentIds: string[],
  today: string,
) {
  if (!departmentIds.length) return [];
  return tx
    .select({
      id: employees.id,
      name: employees.name,
      email: employees.email,
      departmentId: sql<string>`${employees.departmentId}`,
      managerName: sql<string | null>`(select m.name from employees m
        where m.org_id = ${employees.orgId} and m.id = ${employees.managerId})`,
    })
    .from(employees)
    .where(
      and(
        eq(employees.orgId, orgId),
        inArray(employees.departmentId, departmentIds),
        or(isNull(employees.leftOn), gt(employees.leftOn, today)),
      ),
    )
    .orderBy(asc(employees.name), asc(employees.id));
}

export async function insertRound(
  tx: Executor,
  orgId: string,
  r: { name: string; createdAt: Date; closesAt: Date; links: number },
  pairs: InternalPair[],
) {
  const [row] = await tx
    .insert(internalRounds)
    .values({ ...r, orgId, emailed: 0 })
    .returning({ id: internalRounds.id });
  const roundId = row!.id;
  await tx.insert(internalRoundPairs).values(pairs.map((p) => ({ ...p, orgId, roundId })));
  return roundId;
}

export async function insertLinks(
  tx: Executor,
  orgId: string,
  roundId: string,
  links: { tokenHash: string; raterDepartmentId: string }[],
) {
  if (!links.length) return;
  await tx.insert(internalLinks).values(links.map((l) => ({ ...l, orgId, roundId })));
}

export async function setRoundEmailed(tx: Executor, orgId: string, roundId: string, emailed: number) {
  await tx
    .update(internalRounds)
    .set({ emailed })
    .where(and(eq(internalRounds.orgId, orgId), eq(internalRounds.id, roundId)));
}

/** The rounds, newest first, with their pairs counted and how many links were answered. */
export async function listRounds(tx: Executor, orgId: string, limit: number) {
  return tx
    .select({
      id: internalRounds.id,
      name: internalRounds.name,
      createdAt: internalRounds.createdAt,
      closesAt: internalRounds.closesAt,
      links: internalRounds.links,
      emailed: internalRounds.emailed,
      pairs: sql<number>`(select count(*)::int from internal_round_pairs p
        where p.org_id = ${internalRounds.orgId} and p.round_id = ${internalRounds.id})`,
      answered: sql<number>`(select count(*)::int from internal_links l
        where l.org_id = ${internalRounds.orgId} and l.round_id = ${internalRounds.id} and l.used_at is not null)`,
    })
    .from(internalRounds)
    .where(eq(internalRounds.orgId, orgId))
    .orderBy(desc(internalRounds.createdAt), desc(internalRounds.id))
    .limit(limit);
}

/** A link with its round; locked when it is about to be answered. */
export async function findLink(tx: Executor, orgId: string, tokenHash: string, lock: boolean) {
  const q = tx
    .select({
      id: internalLinks.id,
      roundId: internalLinks.roundId,
      raterDepartmentId: internalLinks.raterDepartmentId,
      usedAt: internalLinks.usedAt,
      roundName: internalRounds.name,
      closesAt: internalRounds.closesAt,
    })
    .from(internalLinks)
    .innerJoin(
      internalRounds,
      and(eq(internalRounds.orgId, internalLinks.orgId), eq(internalRounds.id, internalLinks.roundId)),
    )
    .where(and(eq(internalLinks.orgId, orgId), eq(internalLinks.tokenHash, tokenHash)));
  const [row] = await (lock ? q.for('update', { of: internalLinks }) : q);
  return row;
}

/** The departments a rater department rates in a round, by name. */
export async function ratedInRound(tx: Executor, orgId: string, roundId: string, raterDepartmentId: string) {
  return tx
    .select({ id: departments.id, name: departments.name })
    .from(internalRoundPairs)
    .innerJoin(
      departments,
      and(
        eq(departments.orgId, internalRoundPairs.orgId),
        eq(departments.id, internalRoundPairs.ratedDepartmentId),
      ),
    )
    .where(
      and(
        eq(internalRoundPairs.orgId, orgId),
        eq(internalRoundPairs.roundId, roundId),
        eq(internalRoundPairs.raterDepartmentId, raterDepartmentId),
      ),
    )
    .orderBy(asc(departments.name), asc(departments.id));
}

export async function markLinkUsed(tx: Executor, orgId: string, linkId: string, at: Date) {
  await tx
    .update(internalLinks)
    .set({ usedAt: at })
    .where(and(eq(internalLinks.orgId, orgId), eq(internalLinks.id, linkId)));
}

export async function insertAnswers(
  tx: Executor,
  orgId: string,
  rows: {
    roundId: string;
    raterDepartmentId: string;
    ratedDepartmentId: string;
    answeredAt: Date;
    nps: number;
    csat: number;
    comment: string | null;
  }[],
) {
  if (!rows.length) return;
  await tx.insert(internalAnswers).values(rows.map((r) => ({ ...r, orgId })));
}

/** Answers of a period counted by rater, rated, quarter (in the time zone), the two values and the round. */
export async function countAnswers(tx: Executor, orgId: string, from: Date, to: Date, timeZone: string) {
  const quarter = sql<string>`to_char(${internalAnswers.answeredAt} at time zone ${timeZone}, 'YYYY-"Q"Q')`;
  return (
    tx
      .select({
        rater: internalAnswers.raterDepartmentId,
        rated: internalAnswers.ratedDepartmentId,
        quarter,
        nps: internalAnswers.nps,
        csat: internalAnswers.csat,
        round: internalAnswers.roundId,
        n: sql<number>`count(*)::int`,
      })
      .from(internalAnswers)
      .where(
        and(
          eq(internalAnswers.orgId, orgId),
          gte(internalAnswers.answeredAt, from),
          lt(internalAnswers.answeredAt, to),
        ),
      )
      // By position: the quarter's expression carries a parameter, which a repeated expression would not match.
      .groupBy(sql`1, 2, 3, 4, 5, 6`)
  );
}

/** People who answered in a period, per rater department and round (one answered link is one person). */
export async function countRespondents(tx: Executor, orgId: string, from: Date, to: Date) {
  return tx
    .select({
      rater: internalLinks.raterDepartmentId,
      round: internalLinks.roundId,
      n: sql<number>`count(*)::int`,
    })
    .from(internalLinks)
    .where(and(eq(internalLinks.orgId, orgId), gte(internalLinks.usedAt, from), lt(internalLinks.usedAt, to)))
    .groupBy(internalLinks.raterDepartmentId, internalLinks.roundId);
}

/** The comments of a period with the pair they were given in, newest first. */
export async function listComments(tx: Executor, orgId: string, from: Date, to: Date, limit: number) {
  return tx
    .select({
      rater: internalAnswers.raterDepartmentId,
      rated: internalAnswers.ratedDepartmentId,
      text: sql<string>`${internalAnswers.comment}`,
    })
    .from(internalAnswers)
    .where(
      and(
        eq(internalAnswers.orgId, orgId),
        gte(internalAnswers.answeredAt, from),
        lt(internalAnswers.answeredAt, to),
        sql`${internalAnswers.comment} is not null`,
      ),
    )
    .orderBy(desc(internalAnswers.answeredAt), asc(internalAnswers.id))
    .limit(limit);
}

/** Pairs of the rounds ever run, so a pair without answers still has its cell. */
export async function listAllPairs(tx: Executor, orgId: string) {
  return tx
    .selectDistinct({
      rater: internalRoundPairs.raterDepartmentId,
      rated: internalRoundPairs.ratedDepartmentId,
    })
    .from(internalRoundPairs)
    .where(eq(internalRoundPairs.orgId, orgId));
}
