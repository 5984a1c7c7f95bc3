// Turns raw purchases into the per-customer recency/frequency/monetary summary the models
// fit on. Purchases on the same calendar day are one transaction (their amounts summed):
// without that merge the published CDNOW figures do not reproduce.
import { parseDayNumber } from '../../../../lib/day-number';
import { DAYS_PER_UNIT, type RecencyFrequency, type TimeUnit } from './types';

/** Purchases as columns; row i is one purchase. */
export interface PurchaseColumns {
  /** Dense customer index, an integer >= 0 (e.g. a row number of the customer table). */
  customer: ArrayLike<number>;
  /** Calendar day as days since 1970-01-01 (see lib/day-number). */
  day: ArrayLike<number>;
  /** Amount in minor units of one currency. */
  amount: ArrayLike<number>;
}

/** One purchase as a record; `date` is 'YYYY-MM-DD' or a day number. */
export interface PurchaseRecord {
  customerId: string | number;
  date: string | number;
  amount: number;
}

export interface SummarizeOptions {
  /** Calibration end, inclusive: 'YYYY-MM-DD' or a day number. */
  until: string | number;
  timeUnit?: TimeUnit;
  /** Holdout end, inclusive; the holdout period is the days after `until` up to it. */
  holdoutUntil?: string | number;
}

/** One row per customer with at least one purchase on or before `until`. */
export interface PurchaseSummary extends RecencyFrequency {
  timeUnit: TimeUnit;
  /** Calibration end (day number, inclusive). */
  until: number;
  count: number;
  /** Input customer index of each row (PurchaseColumns.customer, or the record id's order of first appearance). */
  customer: Int32Array;
  /** Customer id of each row, when the input was records. */
  ids?: (string | number)[];
  /** Repeat purchase days in the calibration period. */
  x: Int32Array;
  tx: Float64Array;
  T: Float64Array;
  /** Day number of the first purchase. */
  firstDay: Int32Array;
  /** Mean amount of the repeat purchase days (minor units), 0 when x = 0. */
  meanSpend: Float64Array;
  /** Holdout end (day number) and length (time units), when asked for. */
  holdoutUntil?: number;
  holdoutLength?: number;
  /** Distinct purchase days in the holdout period. */
  holdoutX?: Int32Array;
}

function toDay(value: string | number, what: string): number {
  const day = typeof value === 'number' ? value : parseDayNumber(value);
  if (!Number.isInteger(day)) throw new RangeError(`${what}: not a calendar day: ${String(value)}`);
  return day;
}

function isColumns(input: PurchaseColumns | Iterable<PurchaseRecord>): input is PurchaseColumns {
  return !(Symbol.iterator in input);
}

/** Converts purchase records to columns, numbering customers in order of first appearance. */
export function toPurchaseColumns(records: Iterable<PurchaseRecord>): {
  columns: PurchaseColumns;
  ids: (string | number)[];
} {
  const index = new Map<string | number, number>();
  const ids: (string | number)[] = [];
  const customer: number[] = [];
  const day: number[] = [];
  const amount: number[] = [];
  let row = 0;
  for (const rec of records) {
    let c = index.get(rec.customerId);
    if (c === undefined) {
      c = ids.length;
      index.set(rec.customerId, c);
      ids.push(rec.customerId);
    }
    customer.push(c);
    day.push(toDay(rec.date, `purchase ${row}: date`));
    amount.push(rec.amount);
    row++;
  }
  return {
    columns: {
      customer: Int32Array.from(customer),
      day: Int32Array.from(day),
      amount: Float64Array.from(amount),
    },
    ids,
  };
}

/** Sorts one customer's (day, amount) pairs by day, in place. */
function sortSegment(
  day: Int32Array,
  amount: Float64Array,
  start: number,
  end: number,
  keys: Float64Array,
): void {
  const len = end - start;
  if (len < 2) return;
  if (len <= 32) {
    for (let i = start + 1; i < end; i++) {
      const d = day[i];
      const a = amount[i];
      let j = i - 1;
      while (j >= start && day[j] > d) {
        day[j + 1] = day[j];
        amount[j + 1] = amount[j];
        j--;
      }
      day[j + 1] = d;
      amount[j + 1] = a;
    }
    return;
  }
  // Longer segments: sort packed (day, position) keys natively, then permute.
  let minDay = day[start];
  for (let i = start + 1; i < end; i++) minDay = Math.min(minDay, day[i]);
  const k = keys.subarray(0, len);
  for (let i = 0; i < len; i++) k[i] = (day[start + i] - minDay) * len + i;
  k.sort();
  const days = day.slice(start, end);
  const amounts = amount.slice(start, end);
  for (let i = 0; i < len; i++) {
    const pos = k[i] % len;
    day[start + i] = days[pos];
    amount[start + i] = amounts[pos];
  }
}

/**
 * Per-customer summary in `timeUnit` (default weeks): x = distinct purchase days up to
 * `until` minus one, tx = last minus first such day, T = `until` minus the first day, mean
 * repeat spend with the first day's purchases excluded, and holdout purchase days when
 * `holdoutUntil` is given. Customers whose first purchase is after `until` are left out.
 * Runs in linear time over typed arrays (a counting sort by customer when the input is not
 * already ordered by customer and day).
 */
export function summarizePurchases(
  input: PurchaseColumns | Iterable<PurchaseRecord>,
  options: SummarizeOptions,
): PurchaseSummary {
  let ids: (string | number)[] | undefined;
  let columns: PurchaseColumns;
  if (isColumns(input)) {
    columns = input;
  } else {
    ({ columns, ids } = toPurchaseColumns(input));
  }
  const timeUnit = options.timeUnit ?? 'week';
  const unitDays = DAYS_PER_UNIT[timeUnit];
  if (unitDays === undefined)
    throw new RangeError(`timeUnit: expected 'week' or 'day', got ${String(timeUnit)}`);
  const until = toDay(options.until, 'until');
  const holdoutUntil =
    options.holdoutUntil === undefined ? undefined : toDay(options.holdoutUntil, 'holdoutUntil');
  if (holdoutUntil !== undefined && holdoutUntil <= until) {
    throw new RangeError('holdoutUntil: must be after until');
  }
  const lastDay = holdoutUntil ?? until;

  const { customer, day, amount } = columns;
  const n = customer.length;
  if (day.length !== n || amount.length !== n) throw new RangeError('purchases: columns differ in length');

  // Pass 1: validate, count purchases per customer in the window, detect existing order.
  let customers = 0;
  for (let i = 0; i < n; i++) {
    const c = customer[i];
    if (!(c >= 0 && Number.isInteger(c)))
      throw new RangeError(`purchase ${i}: customer must be an integer >= 0`);
    if (c >= customers) customers = c + 1;
  }
  if (ids) customers = Math.max(customers, ids.length);
  const offsets = new Int32Array(customers + 1);
  let ordered = true;
  let prevC = -1;
  let prevD = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const d = day[i];
    if (!Number.isInteger(d)) throw new RangeError(`purchase ${i}: day must be an integer day number`);
    if (!Number.isFinite(amount[i])) throw new RangeError(`purchase ${i}: amount must be a finite number`);
    if (d > lastDay) continue;
    const c = customer[i];
    offsets[c + 1]++;
    if (c < prevC || (c === prevC && d < prevD)) ordered = false;
    prevC = c;
    prevD = d;
  }
  for (let c = 0; c < customers; c++) offsets[c + 1] += offsets[c];
  const m = offsets[customers];

  // Pass 2: gather the window's purchases grouped by customer.
  const segDay = new Int32Array(m);
  const segAmount = new Float64Array(m);
  {
    const cursor = offsets.slice(0, customers);
    for (let i = 0; i < n; i++) {
      const d = day[i];
      if (d > lastDay) continue;
      const p = cursor[customer[i]]++;
      segDay[p] = d;
      segAmount[p] = amount[i];
    }
  }

  // Pass 3: per customer, merge days and accumulate the summary.
  const x = new Int32Array(customers);
  const txDays = new Int32Array(customers);
  const first = new Int32Array(customers);
  const meanSpend = new Float64Array(customers);
  const holdoutX = holdoutUntil === undefined ? undefined : new Int32Array(customers);
  const rowOf = new Int32Array(customers).fill(-1);
  let rows = 0;
  let keys = new Float64Array(64);
  for (let c = 0; c < customers; c++) {
    const start = offsets[c];
    const end = offsets[c + 1];
    if (start === end) continue;
    if (!ordered) {
      if (end - start > keys.length) keys = new Float64Array(end - start);
      sortSegment(segDay, segAmount, start, end, keys);
    }
    const firstDay = segDay[start];
    if (firstDay > until) continue;
    let repeatDays = 0;
    let lastCal = firstDay;
    let repeatAmount = 0;
    let holdoutDays = 0;
    let prev = firstDay;
    for (let p = start + 1; p < end; p++) {
      const d = segDay[p];
      if (d <= until) {
        if (d !== prev) repeatDays++;
        if (d !== firstDay) repeatAmount += segAmount[p];
        lastCal = d;
      } else if (d !== prev) {
        holdoutDays++;
      }
      prev = d;
    }
    x[rows] = repeatDays;
    txDays[rows] = lastCal - firstDay;
    first[rows] = firstDay;
    meanSpend[rows] = repeatDays > 0 ? repeatAmount / repeatDays : 0;
    if (holdoutX) holdoutX[rows] = holdoutDays;
    rowOf[rows] = c;
    rows++;
  }

  const tx = new Float64Array(rows);
  const T = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    tx[i] = txDays[i] / unitDays;
    T[i] = (until - first[i]) / unitDays;
  }
  const customerOut = rowOf.slice(0, rows);
  const summary: PurchaseSummary = {
    timeUnit,
    until,
    count: rows,
    customer: customerOut,
    x: x.slice(0, rows),
    tx,
    T,
    firstDay: first.slice(0, rows),
    meanSpend: meanSpend.slice(0, rows),
  };
  if (ids) summary.ids = Array.from(customerOut, (c) => ids[c]);
  if (holdoutUntil !== undefined && holdoutX) {
    summary.holdoutUntil = holdoutUntil;
    summary.holdoutLength = (holdoutUntil - until) / unitDays;
    summary.holdoutX = holdoutX.slice(0, rows);
  }
  return summary;
}
