import { sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '../../../db/database';

/** Copies the respondent's department onto the facts of one answer. */
export async function setFactsDepartment(
  tx: Executor,
  orgId: string,
  responseId: string,
  department: string,
) {
  await tx.execute(sql`update feedback_facts set department = ${department}
    where org_id = ${orgId} and response_id = ${responseId}`);
}

export type ProtectedQuery = {
  surveyId: string;
  metric: 'nps' | 'csat' | 'ces';
  from?: Date;
  to?: Date;
  timeZone: string;
};

const period = (q: ProtectedQuery) =>
  sql.join(
    [
      sql`true`,
      ...(q.from ? [sql`f.occurred_at >= ${q.from.toISOString()}::timestamptz`] : []),
      ...(q.to ? [sql`f.occurred_at < ${q.to.toISOString()}::timestamptz`] : []),
    ],
    sql` and `,
  );

/** Answers of one survey's protected respondents per team, department, location, local month and value. */
export async function countProtectedCells(tx: Executor, orgId: string, q: ProtectedQuery) {
  const result = await tx.execute(sql`
    select f.team, f.department, f.location,
           to_char((f.occurred_at at time zone ${q.timeZone})::date, 'YYYY-MM') as month,
           f.value, count(*)::int as n
      from feedback_facts f
     where f.org_id = ${orgId} and f.survey_id = ${q.surveyId} and f.metric = ${q.metric}
       and f.audience <> 'customers' and ${period(q)}
     group by 1, 2, 3, 4, 5`);
  return rowsOf<{
    team: string;
    department: string;
    location: string;
    month: string;
    value: number;
    n: number;
  }>(result).map((r) => ({ ...r, value: Number(r.value), n: Number(r.n) }));
}

/** The open answers of one survey's protected respondents, with where they work and their month. */
export async function listProtectedTexts(tx: Executor, orgId: string, q: ProtectedQuery, limit: number) {
  const result = await tx.execute(sql`
    select f.team, f.department, f.location,
           to_char((f.occurred_at at time zone ${q.timeZone})::date, 'YYYY-MM') as month,
           a.texts
      from feedback_answers a
      join feedback_facts f
        on f.org_id = a.org_id and f.response_id = a.response_id and f.metric = ${q.metric}
     where a.org_id = ${orgId} and a.survey_id = ${q.surveyId} and a.audience <> 'customers'
       and a.texts is not null and ${period(q)}
     order by a.occurred_at desc
     limit ${limit}`);
  return rowsOf<{ team: string; department: string; location: string; month: string; texts: string[] }>(
    result,
  );
}
