import { countsFromRows } from './metrics/counts-from-rows';
import { emptyCounts, type MetricKind } from './metrics/scales';

/** One row of a GROUP BY over answers: a group key, an answer value, how many, how many protected. */
export type CountRow = { key: string; value: number; n: number; protectedN: number };

/** Answer counts of one group, and how many came from protected (employee, internal) audiences. */
export type GroupCounts = { key: string; counts: number[]; protectedN: number };

/** Dense counts per group key, in key order, from the sparse rows of a GROUP BY. */
export function groupCounts(metric: MetricKind, rows: readonly CountRow[]): GroupCounts[] {
  const byKey = new Map<string, CountRow[]>();
  for (const r of rows) {
    const list = byKey.get(r.key) ?? [];
    list.push(r);
    byKey.set(r.key, list);
  }
  return [...byKey.keys()].sort().map((key) => {
    const list = byKey.get(key)!;
    return {
      key,
      counts: countsFromRows(
        metric,
        list.map((r) => ({ value: r.value, count: r.n })),
      ),
      protectedN: list.reduce((s, r) => s + r.protectedN, 0),
    };
  });
}

/** The groups added together: the total of a breakdown whose groups partition the answers. */
export function totalOf(metric: MetricKind, groups: readonly GroupCounts[]): GroupCounts {
  const counts = emptyCounts(metric);
  let protectedN = 0;
  for (const g of groups) {
    for (let i = 0; i < counts.length; i++) counts[i] += g.counts[i];
    protectedN += g.protectedN;
  }
  return { key: '', counts, protectedN };
}
