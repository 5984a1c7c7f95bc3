import { formatDayNumber, parseDayNumber } from '../../../lib/day-number';
import { localDayOf, startOfLocalDay } from '../../../lib/local-day';
import { STAGES, type Stage } from './stages';

export type StageCounts = Record<Stage, number>;

export const zeroCounts = () => Object.fromEntries(STAGES.map((s) => [s, 0])) as StageCounts;

/** Customers entering (+) or leaving (−) a stage in a month (YYYY-MM). */
export type StageFlow = { month: string; stage: string; delta: number };

/**
 * Running sums of the flows: the customers per stage at the end of each of `months` (ascending),
 * and after every flow (`total`). A month before the first flow counts nobody.
 */
export function stageCountsByMonth(flows: readonly StageFlow[], months: readonly string[]) {
  const sorted = [...flows].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  const running = zeroCounts();
  const byMonth = new Map<string, StageCounts>();
  let next = 0;
  for (const month of months) {
    while (next < sorted.length && sorted[next].month <= month) add(running, sorted[next++]);
    byMonth.set(month, { ...running });
  }
  while (next < sorted.length) add(running, sorted[next++]);
  return { byMonth, total: running };
}

function add(counts: StageCounts, flow: StageFlow) {
  if (flow.stage in counts) counts[flow.stage as Stage] += Number(flow.delta);
}

/** The month (YYYY-MM) `by` months after `month`. */
export function shiftMonth(month: string, by: number) {
  const index = monthIndex(month) + by;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Every month from `from` to `to`, both included. */
export function monthsFrom(from: string, to: string) {
  const count = monthIndex(to) - monthIndex(from) + 1;
  return Array.from({ length: Math.max(0, count) }, (_, i) => shiftMonth(from, i));
}

const monthIndex = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return y * 12 + (m - 1);
};

/** The month an instant falls in, in `timeZone`. */
export const monthOf = (instant: Date, timeZone: string) =>
  formatDayNumber(localDayOf(instant, timeZone)).slice(0, 7);

/** The instant the month after `month` starts in `timeZone`. */
export const endOfMonth = (month: string, timeZone: string) =>
  startOfLocalDay(parseDayNumber(`${shiftMonth(month, 1)}-01`), timeZone);

/** The instant the day after `day` (YYYY-MM-DD) starts in `timeZone`. */
export const endOfDay = (day: string, timeZone: string) => startOfLocalDay(parseDayNumber(day) + 1, timeZone);
