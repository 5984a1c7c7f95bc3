import { and, eq, isNull, sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '../../../db/database';
import { socoAssessments, socoCustomerLinks } from './tables-soco';

export type SocoAssessmentRow = typeof socoAssessments.$inferSelect;
export type SocoLinkRow = typeof socoCustomerLinks.$inferSelect;

/** The user ids of the managers above an employee, nearest first (their linked users only). */
export async function managerUsersOf(tx: Executor, orgId: string, employeeId: string): Promise<string[]> {
  const rows = await tx.execute(sql`
    with recursive chain(id, depth) as (
      select manager_id, 1 from employees where org_id = ${orgId}::uuid and id = ${employeeId}::uuid
      union all
      select e.manager_id, c.depth + 1 from employees e join chain c on e.id = c.id
       where e.org_id = ${orgId}::uuid and c.depth < 100
    )
    select e.user_id as "userId" from chain c join employees e on e.org_id = ${orgId}::uuid and e.id = c.id
     where e.user_id is not null order by c.depth`);
  return rowsOf<{ userId: string }>(rows).map((r) => r.userId);
}

export async function insertAssessment(tx: Executor, row: typeof socoAssessments.$inferInsert) {
  const [inserted] = await tx.insert(socoAssessments).values(row).returning();
  return inserted;
}

export async function insertLink(tx: Executor, row: typeof socoCustomerLinks.$inferInsert) {
  const [inserted] = await tx.insert(socoCustomerLinks).values(row).returning();
  return inserted;
}

/** The link, locked for the rating it may give. */
export async function findLink(tx: Executor, orgId: string, id: string, lock: boolean) {
  const q = tx
    .select()
    .from(socoCustomerLinks)
    .where(and(eq(socoCustomerLinks.orgId, orgId), eq(socoCustomerLinks.id, id)));
  const [row] = await (lock ? q.for('update') : q);
  return row;
}

/** Marks the link used; false when it already was (one use per link). */
export async function markLinkUsed(tx: Executor, orgId: string, id: string, at: Date) {
  const rows = await tx
    .update(socoCustomerLinks)
    .set({ usedAt: at })
    .where(
      and(eq(socoCustomerLinks.orgId, orgId), eq(socoCustomerLinks.id, id), isNull(socoCustomerLinks.usedAt)),
    )
    .returning({ id: socoCustomerLinks.id });
  return rows.length > 0;
}

export type SocoAggregate = {
  raterKind: string;
  quarter: string | null;
  assessments: number;
  people: number;
  score: number | null;
  mean: number;
  customerOrientation: number;
  sellingOrientation: number | null;
  empathy: number;
  personalization: number;
  problemSolving: number;
  feedbackOpenness: number;
};

/**
 * Means per rater kind, overall (quarter null) and per quarter of the organization's time zone
 * (`2026-Q3`), of one employee's assessments or of a team's. `score` is the mean sum of the full
 * forms only (24–216), null when none.
 */
export async function aggregateAssessments(
  tx: Executor,
  orgId: string,
  of: { employeeId: string } | { teamId: string },
  timeZone: string,
): Promise<SocoAggregate[]> {
  const who =
    'employeeId' in of
      ? sql`a.employee_id = ${of.employeeId}::uuid`
      : sql`a.employee_id in (select id from employees where org_id = ${orgId}::uuid and team_id = ${of.teamId}::uuid)`;
  // The quarter is computed once, in a subquery, so the grouping names one column.
  const rows = await tx.execute(sql`
    select a.rater_kind as "raterKind",
           case when grouping(a.quarter) = 1 then null else a.quarter end as quarter,
           count(*)::int as assessments,
           count(distinct a.employee_id)::int as people,
           round(avg(a.score) filter (where a.form = 'full')::numeric, 1)::float8 as score,
           round(avg(a.mean)::numeric, 2)::float8 as mean,
           round(avg(a.customer_orientation)::numeric, 2)::float8 as "customerOrientation",
           round(avg(a.selling_orientation)::numeric, 2)::float8 as "sellingOrientation",
           round(avg(a.empathy)::numeric, 2)::float8 as empathy,
           round(avg(a.personalization)::numeric, 2)::float8 as personalization,
           round(avg(a.problem_solving)::numeric, 2)::float8 as "problemSolving",
           round(avg(a.feedback_openness)::numeric, 2)::float8 as "feedbackOpenness"
      from (select s.*, to_char(s.assessed_at at time zone ${timeZone}, 'YYYY-"Q"Q') as quarter
              from soco_assessments s where s.org_id = ${orgId}::uuid) a
     where ${who}
     group by grouping sets ((a.rater_kind), (a.rater_kind, a.quarter))
     order by 1, 2 nulls first`);
  return rowsOf<SocoAggregate>(rows);
}

/** A customer's ratings, newest first, with the person rated. */
export async function customerRatings(tx: Executor, orgId: string, customerId: string) {
  const rows = await tx.execute(sql`
    select a.id, e.name as "employeeName", a.case_id as "caseId", a.answers, a.mean, a.assessed_at as "assessedAt"
      from soco_assessments a join employees e on e.org_id = a.org_id and e.id = a.employee_id
     where a.org_id = ${orgId}::uuid and a.customer_id = ${customerId}::uuid
     order by a.assessed_at desc`);
  return rowsOf<{
    id: string;
    employeeName: string;
    caseId: string | null;
    answers: Record<string, number>;
    mean: number;
    assessedAt: Date | string;
  }>(rows);
}

/** Erasure: the ratings stay for the person rated, without the customer or their case. */
export async function anonymiseCustomerRatings(tx: Executor, orgId: string, customerId: string) {
  await tx
    .update(socoAssessments)
    .set({ customerId: null, caseId: null })
    .where(and(eq(socoAssessments.orgId, orgId), eq(socoAssessments.customerId, customerId)));
  await tx
    .update(socoCustomerLinks)
    .set({ customerId: null, caseId: null })
    .where(and(eq(socoCustomerLinks.orgId, orgId), eq(socoCustomerLinks.customerId, customerId)));
}

/** The case's customer, when the case is one of the organization's (undefined: no such case). */
export async function caseCustomer(tx: Executor, orgId: string, caseId: string) {
  const rows = rowsOf<{ customerId: string | null }>(
    await tx.execute(
      sql`select customer_id as "customerId" from cases where org_id = ${orgId}::uuid and id = ${caseId}::uuid`,
    ),
  );
  return rows[0];
}
