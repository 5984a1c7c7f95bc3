import { type SQL, sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '../../../db/database';
import {
  DIMENSION_COLUMNS,
  type DimensionFilter,
  type GroupBy,
  isTimeGrain,
  OPEN_AUDIENCE,
} from '../domain/dimensions';
import type { CountRow } from '../domain/group-counts';
import type { MetricKind } from '../domain/metrics/scales';
import { dayText, type Period, splitByMonths } from '../domain/period';

export type { CountRow };

/**
 * Where counts come from: the month roll-up (with the days at a period's ends), the daily
 * roll-up, the full roll-up of every dimension, or a scan of the facts.
 */
export type CountSource = 'monthly' | 'daily' | 'rollup' | 'facts';

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

/** One table read for a query: its rows are summed per inner key and value. */
type Part = { table: string; time: SQL; period: SQL[]; rows: boolean };

type Range = [number | undefined, number | undefined];

const range = (column: string, [from, to]: Range): SQL[] => [
  ...(from === undefined ? [] : [sql`${sql.raw(column)} >= ${dayText(from)}::date`]),
  ...(to === undefined ? [] : [sql`${sql.raw(column)} < ${dayText(to)}::date`]),
];

function partsOf(q: CountsQuery): Part[] {
  const { from, to } = q.period;
  if (q.source === 'facts') {
    return [
      {
        table: 'feedback_facts',
        time: sql`(occurred_at at time zone ${q.timeZone})::date`,
        period: [
          ...(from ? [sql`occurred_at >= ${from.at.toISOString()}::timestamptz`] : []),
          ...(to ? [sql`occurred_at < ${to.at.toISOString()}::timestamptz`] : []),
        ],
        rows: true,
      },
    ];
  }
  if ((from && from.day === undefined) || (to && to.day === undefined)) {
    throw new Error('a roll-up answers whole local days only');
  }
  const days: Range = [from?.day, to?.day];
  const daily = (r: Range): Part => ({
    table: q.source === 'rollup' ? 'feedback_rollup' : 'feedback_rollup_daily',
    time: sql`day`,
    period: range('day', r),
    rows: false,
  });
  if (q.source !== 'monthly') return [daily(days)];
  const split = splitByMonths(...days);
  return [
    ...(split.months
      ? [
          {
            table: 'feedback_rollup_monthly',
            time: sql`month`,
            period: range('month', split.months),
            rows: false,
          },
        ]
      : []),
    ...split.days.map(daily),
  ];
}

/** The key rows are first summed under: a day (or month), a dimension value, or nothing. */
function innerKey(q: CountsQuery, part: Part): SQL {
  if (!q.groupBy) return sql`''`;
  if (isTimeGrain(q.groupBy)) return part.time;
  return sql.raw(DIMENSION_COLUMNS[q.groupBy]);
}

/** The group key computed from the sums, once per day rather than once per row. */
function outerKey(q: CountsQuery): SQL {
  if (q.groupBy === 'day') return sql`k::text`;
  if (q.groupBy === 'week' || q.groupBy === 'month')
    return sql`date_trunc(${q.groupBy}, k::timestamp)::date::text`;
  return sql`k`;
}

function partSql(orgId: string, q: CountsQuery, part: Part): SQL {
  const n = part.rows ? sql`count(*)` : sql`sum(n)`;
  const protectedN = part.rows
    ? sql`count(*) filter (where audience <> ${OPEN_AUDIENCE})`
    : sql`coalesce(sum(n) filter (where audience <> ${OPEN_AUDIENCE}), 0)`;
  const where = sql.join(
    [
      sql`org_id = ${orgId}`,
      sql`metric = ${q.metric}`,
      ...q.filters.map((f) => sql`${sql.raw(f.column)} = ${f.value}`),
      ...part.period,
    ],
    sql` and `,
  );
  return sql`select ${innerKey(q, part)} as k, value, ${n} as n, ${protectedN} as p
    from ${sql.raw(part.table)} where ${where} group by 1, 2`;
}

/** Answers per group and value: GROUP BYs over the chosen source, summed. */
export async function countAnswers(tx: Executor, orgId: string, q: CountsQuery): Promise<CountRow[]> {
  const parts = partsOf(q).map((part) => partSql(orgId, q, part));
  if (!parts.length) return [];
  const result = await tx.execute(sql`
    select ${outerKey(q)} as key, value, sum(n)::int as n, sum(p)::int as protected_n
      from (${sql.join(parts, sql` union all `)}) per_key
     group by 1, 2`);
  return rowsOf<{ key: string; value: number; n: number; protected_n: number }>(result).map((r) => ({
    key: r.key,
    value: Number(r.value),
    n: Number(r.n),
    protectedN: Number(r.protected_n),
  }));
}
