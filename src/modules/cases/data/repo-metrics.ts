import { sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '../../../db/database';
import { breachedSql } from './repo-cases';

export type Period = { from: Date; to: Date };

/** Negative responses of the period (each linked to one case) and those whose case got a first response in time. */
export async function countClosedLoop(tx: Executor, orgId: string, { from, to }: Period) {
  const [row] = rowsOf<{ negative: number; closed: number }>(
    await tx.execute(sql`
      select count(*)::int as negative,
             count(*) filter (where c.first_responded_at <= c.first_response_due_at)::int as closed
        from case_links l
        join cases c on c.org_id = l.org_id and c.id = l.case_id
       where l.org_id = ${orgId} and l.kind = 'response'
         and l.occurred_at >= ${from} and l.occurred_at < ${to}`),
  );
  return row;
}

/** Medians, in business minutes, over cases opened in the period. */
export async function medianTimes(tx: Executor, orgId: string, { from, to }: Period) {
  const [row] = rowsOf<{ first_response: number | null; resolution: number | null }>(
    await tx.execute(sql`
      select percentile_cont(0.5) within group (order by first_response_business_minutes) as first_response,
             percentile_cont(0.5) within group (order by resolution_business_minutes) as resolution
        from cases
       where org_id = ${orgId} and created_at >= ${from} and created_at < ${to}`),
  );
  return { firstResponse: row?.first_response ?? null, resolution: row?.resolution ?? null };
}

export type ComplianceRow = { key: string | null; cases: number; met: number };

/**
 * SLA compliance of cases opened in the period whose outcome is known: met (both targets in
 * time) or breached. Cases still within their targets are not counted yet.
 */
export async function slaCompliance(
  tx: Executor,
  orgId: string,
  { from, to }: Period,
  now: Date,
  by: 'all' | 'team' | 'tier' | 'agent',
): Promise<ComplianceRow[]> {
  const key =
    by === 'team'
      ? sql`t.name`
      : by === 'tier'
        ? sql`cases.tier`
        : by === 'agent'
          ? sql`cases.owner_id::text`
          : sql`null`;
  const met = sql`(cases.first_responded_at <= cases.first_response_due_at and cases.resolved_at <= cases.resolution_due_at)`;
  return rowsOf<ComplianceRow>(
    await tx.execute(sql`
      select ${key} as key,
             count(*)::int as cases,
             count(*) filter (where ${met})::int as met
        from cases
        left join teams t on t.org_id = cases.org_id and t.id = cases.team_id
       where cases.org_id = ${orgId} and cases.created_at >= ${from} and cases.created_at < ${to}
         and (${met} or ${breachedSql(now)})
       group by 1
       order by 1 nulls last`),
  );
}

/** Open cases now, by age. */
export async function backlogByAge(tx: Executor, orgId: string, now: Date) {
  return rowsOf<{ bucket: string; count: number }>(
    await tx.execute(sql`
      select case when age < interval '1 day' then 'under_1d'
                  when age < interval '3 days' then '1d_3d'
                  when age < interval '7 days' then '3d_7d'
                  else 'over_7d' end as bucket,
             count(*)::int as count
        from (select ${now}::timestamptz - created_at as age
                from cases
               where org_id = ${orgId} and status in ('new', 'in_progress', 'waiting_customer')) open_cases
       group by 1`),
  );
}
