import { type SQL, sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '../../db/database';
import {
  DIMENSION_COLUMNS,
  type DimensionFilter,
  type GroupBy,
  isTimeGrain,
  OPEN_AUDIENCE,
} from './dimensions';
import type { MetricKind } from './metrics/scales';
import type { Period } from './period';
import { dayText } from './period';

/** Where counts come from: the small daily roll-up, the full roll-up, or a scan of the facts. */
export type CountSource = 'daily' | 'rollup' | 'facts';

export type CountsQuery = {
  metric: MetricKind;
  source: CountSource;
  /** Local days of the facts are taken in this zone (the roll-ups carry theirs). */
  timeZone: string;
  filters: DimensionFilter[];
  period: Period;
  groupBy?: GroupBy;
};

/** Answers with `value` in group `key`; `protectedN` of them from employee or internal audiences. */
export type CountRow = { key: string; value: number; n: number; protectedN: number };

const TABLES: Record<CountSource, SQL> = {
  daily: sql.raw('feedback_rollup_daily'),
  rollup: sql.raw('feedback_rollup'),
  facts: sql.raw('feedback_facts'),
};

/**
 * Group keys in two steps: rows are first summed per inner key (a day or a dimension value), and
 * only those sums get the costlier outer key (week, month, text), once per day rather than per row.
 */
function keysOf(q: CountsQuery): { inner: SQL; outer: SQL } {
  if (!q.groupBy) return { inner: sql`''`, outer: sql`k` };
  if (isTimeGrain(q.groupBy)) {
    const inner = q.source === 'facts' ? sql`(occurred_at at time zone ${q.timeZone})::date` : sql`day`;
    if (q.groupBy === 'day') return { inner, outer: sql`k::text` };
    return { inner, outer: sql`date_trunc(${q.groupBy}, k::timestamp)::date::text` };
  }
  return { inner: sql.raw(DIMENSION_COLUMNS[q.groupBy]), outer: sql`k` };
}

function periodConditions(q: CountsQuery): SQL[] {
  const { from, to } = q.period;
  if (q.source === 'facts') {
    return [
      ...(from ? [sql`occurred_at >= ${from.at.toISOString()}::timestamptz`] : []),
      ...(to ? [sql`occurred_at < ${to.at.toISOString()}::timestamptz`] : []),
    ];
  }
  if ((from && from.day === undefined) || (to && to.day === undefined)) {
    throw new Error('a roll-up answers whole local days only');
  }
  return [
    ...(from ? [sql`day >= ${dayText(from.day!)}::date`] : []),
    ...(to ? [sql`day < ${dayText(to.day!)}::date`] : []),
  ];
}

/** Answers per group and value: one GROUP BY over the chosen source. */
export async function countAnswers(tx: Executor, orgId: string, q: CountsQuery): Promise<CountRow[]> {
  const n = q.source === 'facts' ? sql`count(*)` : sql`sum(n)`;
  const protectedN =
    q.source === 'facts'
      ? sql`count(*) filter (where audience <> ${OPEN_AUDIENCE})`
      : sql`coalesce(sum(n) filter (where audience <> ${OPEN_AUDIENCE}), 0)`;
  const where = sql.join(
    [
      sql`org_id = ${orgId}`,
      sql`metric = ${q.metric}`,
      ...q.filters.map((f) => sql`${sql.raw(f.column)} = ${f.value}`),
      ...periodConditions(q),
    ],
    sql` and `,
  );
  const { inner, outer } = keysOf(q);
  const result = await tx.execute(sql`
    select ${outer} as key, value, sum(n)::int as n, sum(p)::int as protected_n
      from (select ${inner} as k, value, ${n} as n, ${protectedN} as p
              from ${TABLES[q.source]} where ${where} group by 1, 2) per_key
     group by 1, 2`);
  return rowsOf<{ key: string; value: number; n: number; protected_n: number }>(result).map((r) => ({
    key: r.key,
    value: Number(r.value),
    n: Number(r.n),
    protectedN: Number(r.protected_n),
  }));
}
