import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { textArray } from '../../../db/array-literal';
import { type Executor, rowsOf } from '../../../db/database';
import { after, byCreation } from '../../../db/keyset';
import { trainingCompletions, trainingCourses, trainingRequirements } from './tables-soco';

export type CourseRow = typeof trainingCourses.$inferSelect;
export type RequirementRow = typeof trainingRequirements.$inferSelect;
export type CompletionRow = typeof trainingCompletions.$inferSelect;

const creationPage = <
  T extends typeof trainingCourses | typeof trainingRequirements | typeof trainingCompletions,
>(
  table: T,
) => {
  const order = byCreation(table);
  return { order, asc: order.map((c) => asc(c)) };
};

export async function pageCourses(tx: Executor, orgId: string, limit: number, position?: [string, string]) {
  const { order, asc: by } = creationPage(trainingCourses);
  return tx
    .select()
    .from(trainingCourses)
    .where(and(eq(trainingCourses.orgId, orgId), after(order, position)))
    .orderBy(...by)
    .limit(limit + 1);
}

export async function findCourse(tx: Executor, orgId: string, id: string) {
  const [row] = await tx
    .select()
    .from(trainingCourses)
    .where(and(eq(trainingCourses.orgId, orgId), eq(trainingCourses.id, id)));
  return row;
}

export async function insertCourse(tx: Executor, row: typeof trainingCourses.$inferInsert) {
  const [inserted] = await tx.insert(trainingCourses).values(row).returning();
  return inserted;
}

export async function updateCourse(
  tx: Executor,
  orgId: string,
  id: string,
  patch: Partial<Pick<CourseRow, 'names' | 'builds' | 'validityMonths'>>,
) {
  const [row] = await tx
    .update(trainingCourses)
    .set(patch)
    .where(and(eq(trainingCourses.orgId, orgId), eq(trainingCourses.id, id)))
    .returning();
  return row;
}

export async function deleteCourse(tx: Executor, orgId: string, id: string) {
  const rows = await tx
    .delete(trainingCourses)
    .where(and(eq(trainingCourses.orgId, orgId), eq(trainingCourses.id, id)))
    .returning({ id: trainingCourses.id });
  return rows.length > 0;
}

export async function pageRequirements(
  tx: Executor,
  orgId: string,
  limit: number,
  position?: [string, string],
) {
  const { order, asc: by } = creationPage(trainingRequirements);
  return tx
    .select()
    .from(trainingRequirements)
    .where(and(eq(trainingRequirements.orgId, orgId), after(order, position)))
    .orderBy(...by)
    .limit(limit + 1);
}

/** Adds a requirement; an existing one is answered as it is. */
export async function upsertRequirement(tx: Executor, orgId: string, jobRole: string, courseId: string) {
  await tx.insert(trainingRequirements).values({ orgId, jobRole, courseId }).onConflictDoNothing();
  const [row] = await tx
    .select()
    .from(trainingRequirements)
    .where(
      and(
        eq(trainingRequirements.orgId, orgId),
        eq(trainingRequirements.jobRole, jobRole),
        eq(trainingRequirements.courseId, courseId),
      ),
    );
  return row;
}

export async function deleteRequirement(tx: Executor, orgId: string, id: string) {
  const rows = await tx
    .delete(trainingRequirements)
    .where(and(eq(trainingRequirements.orgId, orgId), eq(trainingRequirements.id, id)))
    .returning({ id: trainingRequirements.id });
  return rows.length > 0;
}

export async function allRequirements(tx: Executor, orgId: string) {
  return tx
    .select()
    .from(trainingRequirements)
    .where(eq(trainingRequirements.orgId, orgId))
    .orderBy(asc(trainingRequirements.createdAt), asc(trainingRequirements.id));
}

export async function allCourses(tx: Executor, orgId: string) {
  return tx.select().from(trainingCourses).where(eq(trainingCourses.orgId, orgId));
}

/** Records completions; one already recorded (same person, course and day) is left as it is. */
export async function insertCompletions(
  tx: Executor,
  orgId: string,
  rows: { employeeId: string; courseId: string; completedOn: string }[],
) {
  if (!rows.length) return [];
  return tx
    .insert(trainingCompletions)
    .values(rows.map((r) => ({ orgId, ...r })))
    .onConflictDoNothing()
    .returning();
}

export async function pageCompletions(
  tx: Executor,
  orgId: string,
  limit: number,
  position: [string, string] | undefined,
  employeeId?: string,
) {
  const { order, asc: by } = creationPage(trainingCompletions);
  return tx
    .select()
    .from(trainingCompletions)
    .where(
      and(
        eq(trainingCompletions.orgId, orgId),
        employeeId ? eq(trainingCompletions.employeeId, employeeId) : undefined,
        after(order, position),
      ),
    )
    .orderBy(...by)
    .limit(limit + 1);
}

export async function deleteCompletion(tx: Executor, orgId: string, id: string) {
  const rows = await tx
    .delete(trainingCompletions)
    .where(and(eq(trainingCompletions.orgId, orgId), eq(trainingCompletions.id, id)))
    .returning({ id: trainingCompletions.id });
  return rows.length > 0;
}

/** The completions of these people, as (employee, course, day). */
export async function completionsOf(tx: Executor, orgId: string, employeeIds: readonly string[]) {
  if (!employeeIds.length) return [];
  return tx
    .select({
      employeeId: trainingCompletions.employeeId,
      courseId: trainingCompletions.courseId,
      completedOn: trainingCompletions.completedOn,
    })
    .from(trainingCompletions)
    .where(
      and(eq(trainingCompletions.orgId, orgId), inArray(trainingCompletions.employeeId, [...employeeIds])),
    );
}

export type MatrixEmployee = {
  id: string;
  name: string;
  jobRole: string;
  teamId: string | null;
  locationId: string | null;
};

/** The people who have not left by `today`, optionally of one team or location. */
export async function currentEmployees(
  tx: Executor,
  orgId: string,
  today: string,
  filter: { teamId?: string; locationId?: string },
  /** Only those after this (name, id), in that order. */
  position?: readonly [string, string],
): Promise<MatrixEmployee[]> {
  const rows = await tx.execute(sql`
    select id, name, job_role as "jobRole", team_id as "teamId", location_id as "locationId"
      from employees
     where org_id = ${orgId}::uuid and (left_on is null or left_on > ${today}::date)
       ${filter.teamId ? sql`and team_id = ${filter.teamId}::uuid` : sql``}
       ${filter.locationId ? sql`and location_id = ${filter.locationId}::uuid` : sql``}
       ${position ? sql`and (name, id) > (${position[0]}, ${position[1]}::uuid)` : sql``}
     order by name, id`);
  return rowsOf<MatrixEmployee>(rows);
}

/** Names of teams or locations by id. */
export async function groupNames(tx: Executor, orgId: string, by: 'team' | 'location') {
  const rows =
    by === 'team'
      ? await tx.execute(sql`select id, name from teams where org_id = ${orgId}::uuid`)
      : await tx.execute(sql`select id, name from locations where org_id = ${orgId}::uuid`);
  return new Map(rowsOf<{ id: string; name: string }>(rows).map((r) => [r.id, r.name]));
}

/** The employees of these external ids, by external id. */
export async function employeesByExternalId(tx: Executor, orgId: string, externalIds: readonly string[]) {
  if (!externalIds.length) return new Map<string, string>();
  const rows = await tx.execute(sql`
    select id, external_id as "externalId" from employees
     where org_id = ${orgId}::uuid and external_id = any(${textArray(externalIds)}::text[])`);
  return new Map(rowsOf<{ id: string; externalId: string }>(rows).map((r) => [r.externalId, r.id]));
}
