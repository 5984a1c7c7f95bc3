import { sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '../../../db/database';
import { breachedSql } from './repo-cases';

export type AgentCaseStats = {
  key: string;
  handled: number;
  resolved: number;
  medianFirstResponseMinutes: number | null;
  medianResolutionMinutes: number | null;
  /** Cases whose SLA outcome is known, and those that met both targets. */
  slaKnown: number;
  slaMet: number;
  /** "Was your issue solved?" answers after their resolutions, and the yeses. */
  followUps: number;
  followUpsYes: number;
};

/**
 * The closed loop's work per owner (or per team) over cases opened from `from` up to and including `to`: handled, resolved,
 * median business minutes to first response and to resolution, SLA met, customers' follow-up answers.
 */
export async function caseStatsBy(
  tx: Executor,
  orgId: string,
  { from, to }: { from: Date; to: Date },
  now: Date,
  by: 'owner' | 'team',
): Promise<AgentCaseStats[]> {
  const key = by === 'owner' ? sql`cases.owner_id` : sql`cases.team_id`;
  const met = sql`(cases.first_responded_at <= cases.first_response_due_at and cases.resolved_at <= cases.resolution_due_at)`;
  return rowsOf<AgentCaseStats>(
    await tx.execute(sql`
      select ${key}::text as key,
             count(*)::int as handled,
             count(cases.resolved_at)::int as resolved,
             percentile_cont(0.5) within group (order by cases.first_response_business_minutes) as "medianFirstResponseMinutes",
             percentile_cont(0.5) within group (order by cases.resolution_business_minutes) as "medianResolutionMinutes",
             count(*) filter (where ${met} or ${breachedSql(now)})::int as "slaKnown",
             count(*) filter (where ${met})::int as "slaMet",
             coalesce(sum(f.answers), 0)::int as "followUps",
             coalesce(sum(f.yes), 0)::int as "followUpsYes"
        from cases
        left join lateral (
          select count(*) as answers, count(*) filter (where e.data->>'answer' = 'yes') as yes
            from case_timeline e
           where e.org_id = cases.org_id and e.case_id = cases.id and e.kind = 'follow_up_answered'
        ) f on true
       where cases.org_id = ${orgId} and cases.created_at >= ${from} and cases.created_at <= ${to} and ${key} is not null
       group by 1`),
  );
}
