import { sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '../../../db/database';
import { SEGMENT_GRID_SQL } from '../domain/rfm-segments';

/**
 * Scores every customer with purchases from `customer_facts` (buildFactsTable) in one
 * statement (see rfm-segments.ts for the method and the segment grid). Rows whose scores did not
 * move are found by one join and left alone; customers who no longer have purchases lose theirs. Returns how many
 * customers are scored.
 */
export async function recomputeRfm(tx: Executor, orgId: string, now: Date, timeZone: string) {
  const result = await tx.execute(sql`
    with buyers as (
      select customer_id, purchases, monetary, (last_purchase_at at time zone ${timeZone})::date as last_purchase_on
        from customer_facts where purchases > 0
    ),
    scored as (
      select customer_id, last_purchase_on, purchases, monetary,
             least(5, 1 + floor(5 * percent_rank() over (order by last_purchase_on)))::int as r,
             least(5, 1 + floor(5 * percent_rank() over (order by purchases)))::int as f,
             least(5, 1 + floor(5 * percent_rank() over (order by monetary)))::int as m
        from buyers
    ),
    moved as (
      select s.* from scored s
        left join customer_rfm x on x.org_id = ${orgId}::uuid and x.customer_id = s.customer_id
       where x.customer_id is null
          or (x.last_purchase_on, x.frequency, x.monetary_minor, x.r, x.f, x.m)
             is distinct from (s.last_purchase_on, s.purchases, s.monetary, s.r, s.f, s.m)
    ),
    saved as (
      insert into customer_rfm as x (org_id, customer_id, last_purchase_on, frequency, monetary_minor, r, f, m, segment, changed_at)
      select ${orgId}::uuid, customer_id, last_purchase_on, purchases, monetary, r, f, m,
             (array(select json_array_elements_text(${JSON.stringify(SEGMENT_GRID_SQL)}::json)))[(r - 1) * 5 + (f + m + 1) / 2],
             ${now}::timestamptz
        from moved
       order by customer_id -- in key order, the index pages are written once each
      on conflict (org_id, customer_id) do update set
        last_purchase_on = excluded.last_purchase_on, frequency = excluded.frequency,
        monetary_minor = excluded.monetary_minor, r = excluded.r, f = excluded.f, m = excluded.m,
        segment = excluded.segment, changed_at = excluded.changed_at
    ),
    dropped as (
      delete from customer_rfm x
       where x.org_id = ${orgId}::uuid
         and not exists (select 1 from buyers b where b.customer_id = x.customer_id)
    )
    select count(*)::int as scored from scored`);
  return Number(rowsOf<{ scored: number }>(result)[0]?.scored ?? 0);
}
