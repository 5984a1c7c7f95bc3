import { type CsvColumn, toCsv } from '../../../lib/csv';
import type { DriversAnswer } from '../use-cases/analyze-drivers';
import type { MetricAnswer, MetricFigure } from '../use-cases/query-metric';

type Row = MetricFigure & { group: string; mean?: number | null };

/** The metric table as CSV: one line per group, then the total; a withheld answer says so. */
export function metricCsv(answer: MetricAnswer, withheldMessage: string): string {
  if (answer.suppressed) return toCsv([{ group: withheldMessage }], ['group']);
  const countKeys = Object.keys(answer.counts);
  const rows: Row[] = [
    ...answer.groups.map((g) => ({ ...g, group: g.name ?? g.key ?? '' })),
    { ...answer, group: 'total' },
  ];
  const columns: CsvColumn<Row>[] = [
    'group',
    'n',
    'score',
    { header: 'ci95_low', value: (r) => r.ci95?.[0] },
    { header: 'ci95_high', value: (r) => r.ci95?.[1] },
    'smallSample',
    ...countKeys.map((k) => ({ header: k, value: (r: Row) => r.counts[k] })),
  ];
  return toCsv(rows, columns);
}

export function driversCsv(answer: DriversAnswer, withheldMessage: string): string {
  if (answer.suppressed) return toCsv([{ key: withheldMessage }], ['key']);
  return toCsv(
    answer.items.map((d) => ({ ...d, key: d.name ?? d.key ?? '' })),
    [
      'key',
      'n',
      'share',
      'score',
      { header: 'ci95_low', value: (d) => d.ci95?.[0] },
      { header: 'ci95_high', value: (d) => d.ci95?.[1] },
      'smallSample',
      'impact',
    ],
  );
}
