import { sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '../../db/database';
import { allowLargeAggregates } from './repo-lifecycle';
import { SEGMENT_GRID_SQL } from './rfm-segments';

/**
 * Scores every customer with purchases in one statement (see rfm-segments.ts for the method
 * and the segment grid), then drops the scores of customers who no longer qualify.
 */
export async function recomputeRfm(tx: Executor, orgId: string, now: Date, timeZone: string) {
  await allowLargeAggregates(tx);
  const result = await tx.execute(sql`
    with agg as (
      select customer_id,
             max(occurred_at) filter (where type = 'purchase') as last_purchase_at,
             count(*) filter (where type = 'purchase') as frequency,
             coalesce(sum(amount_base_minor) filter (where type = 'purchase'), 0)
               - coalesce(sum(abs(amount_base_minor)) filter (where type = 'refund'), 0) as monetary
        from events
       where org_id = ${orgId}::uuid and type in ('purchase', 'refund')
       group by customer_id
    ),
    buyers as (
      select customer_id, frequency, monetary,
             (${now}::timestamptz at time zone ${timeZone})::date
               - (last_purchase_at at time zone ${timeZone})::date as recency_days
        from agg where frequency > 0
    ),
    scored as (
      select customer_id, recency_days, frequency, monetary,
             least(5, 1 + floor(5 * percent_rank() over (order by recency_days desc)))::int as r,
             least(5, 1 + floor(5 * percent_rank() over (order by frequency)))::int as f,
             least(5, 1 + floor(5 * percent_rank() over (order by monetary)))::int as m
        from buyers
    ),
    saved as (
      insert into customer_rfm as x (org_id, customer_id, recency_days, frequency, monetary_minor, r, f, m, segment, computed_at)
      select ${orgId}::uuid, customer_id, recency_days, frequency, monetary, r, f, m,
             (array(select json_array_elements_text(${JSON.stringify(SEGMENT_GRID_SQL)}::json)))[(r - 1) * 5 + (f + m + 1) / 2],
             ${now}::timestamptz
        from scored
      on conflict (org_id, customer_id) do update set
        recency_days = excluded.recency_days, frequency = excluded.frequency,
        monetary_minor = excluded.monetary_minor, r = excluded.r, f = excluded.f, m = excluded.m,
        segment = excluded.segment, computed_at = excluded.computed_at
      returning 1
    )
    select count(*)::int as scored from saved`);
  await tx.execute(
    sql`delete from customer_rfm where org_id = ${orgId}::uuid and computed_at <> ${now}::timestamptz`,
  );
  return Number(rowsOf<{ scored: number }>(result)[0]?.scored ?? 0);
}
