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

function keyOf(q: CountsQuery): SQL {
  if (!q.groupBy) return sql`''`;
  if (isTimeGrain(q.groupBy)) {
    const day = q.source === 'facts' ? sql`(occurred_at at time zone ${q.timeZone})::date` : sql`day`;
    if (q.groupBy === 'day') return sql`${day}::text`;
    return sql`date_trunc(${q.groupBy}, (${day})::timestamp)::date::text`;
  }
  return sql.raw(DIMENSION_COLUMNS[q.groupBy]);
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
  const result = await tx.execute(sql`
    select ${keyOf(q)} as key, value, (${n})::int as n, (${protectedN})::int as protected_n
      from ${TABLES[q.source]} where ${where}
     group by 1, 2`);
  return rowsOf<{ key: string; value: number; n: number; protected_n: number }>(result).map((r) => ({
    key: r.key,
    value: Number(r.value),
    n: Number(r.n),
    protectedN: Number(r.protected_n),
  }));
}
