import { describe, expect, it } from 'vitest';
import { parseDayNumber } from '../../../../lib/day-number';
import { readCdnowSample, readCdnowSummary } from './cdnow-fixture';
import { groupRecencyFrequency } from './group';
import { type PurchaseRecord, summarizePurchases } from './summarize';

const UNTIL = '1997-09-30';
const HOLDOUT_UNTIL = '1998-06-30';

/** Rounds to 2 decimals with halves going up, as the published summary file does. */
function round2(v: number): number {
  return Math.floor(v * 100 + 0.5 + 1e-9) / 100;
}

describe('summarizePurchases on the CDNOW sample', () => {
  const purchases = readCdnowSample();
  const summary = summarizePurchases(purchases, { until: UNTIL, holdoutUntil: HOLDOUT_UNTIL });

  it('passes the recipe checks of the published summary', () => {
    expect(purchases.count).toBe(6919);
    expect(summary.count).toBe(2357);
    let sumX = 0;
    let zeros = 0;
    for (let i = 0; i < summary.count; i++) {
      sumX += summary.x[i];
      if (summary.x[i] === 0) zeros++;
    }
    expect(sumX).toBe(2457);
    expect(zeros).toBe(1411);
    // Customer 1 (sample id 1 -> index 0).
    expect(summary.customer[0]).toBe(0);
    expect(summary.x[0]).toBe(2);
    expect(summary.tx[0]).toBeCloseTo(30.428571, 6);
    expect(summary.T[0]).toBeCloseTo(38.857143, 6);
    expect(summary.meanSpend[0]).toBeCloseTo(2234.5, 9); // $22.345 in cents
    expect(Math.max(...summary.T)).toBeCloseTo(272 / 7, 12);
  });

  it('reproduces every row of cdnow_customers_summary_with_transactions.csv', () => {
    const published = readCdnowSummary();
    expect(published).toHaveLength(2357);
    for (const row of published) {
      const i = row.id - 1;
      expect(summary.customer[i]).toBe(i);
      expect(summary.x[i]).toBe(row.x);
      expect(round2(summary.tx[i])).toBeCloseTo(row.tx, 9);
      expect(round2(summary.T[i])).toBeCloseTo(row.T, 9);
      expect(round2(summary.meanSpend[i] / 100)).toBeCloseTo(row.zbar, 9);
    }
  });

  it('merges same-day purchases: 6,919 rows are 6,696 customer-days', () => {
    let days = 0;
    for (let i = 0; i < summary.count; i++) days += 1 + summary.x[i] + summary.holdoutX![i];
    expect(days).toBe(6696);
  });

  it('counts holdout purchase days over a 39-week window', () => {
    expect(summary.holdoutLength).toBe(39);
    expect(summary.holdoutUntil).toBe(parseDayNumber(HOLDOUT_UNTIL));
    const total = summary.holdoutX!.reduce((s, v) => s + v, 0);
    expect(total).toBe(1882);
  });

  it('works in days: same x, times multiplied by 7', () => {
    const days = summarizePurchases(purchases, { until: UNTIL, timeUnit: 'day' });
    expect(days.timeUnit).toBe('day');
    expect(Array.from(days.x)).toEqual(Array.from(summary.x));
    for (let i = 0; i < days.count; i++) {
      expect(days.tx[i]).toBeCloseTo(summary.tx[i] * 7, 9);
      expect(days.T[i]).toBeCloseTo(summary.T[i] * 7, 9);
      expect(Number.isInteger(days.T[i])).toBe(true);
    }
  });

  it('gives the same summary whatever the order of the purchases', () => {
    const n = purchases.count;
    const order = Array.from({ length: n }, (_, i) => i);
    // Deterministic shuffle.
    let seed = 12345;
    for (let i = n - 1; i > 0; i--) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      const j = seed % (i + 1);
      [order[i], order[j]] = [order[j], order[i]];
    }
    const shuffled = {
      customer: Int32Array.from(order, (i) => purchases.customer[i]),
      day: Int32Array.from(order, (i) => purchases.day[i]),
      amount: Float64Array.from(order, (i) => purchases.amount[i]),
    };
    const again = summarizePurchases(shuffled, { until: UNTIL, holdoutUntil: HOLDOUT_UNTIL });
    expect(Array.from(again.x)).toEqual(Array.from(summary.x));
    expect(Array.from(again.tx)).toEqual(Array.from(summary.tx));
    expect(Array.from(again.T)).toEqual(Array.from(summary.T));
    expect(Array.from(again.holdoutX!)).toEqual(Array.from(summary.holdoutX!));
    for (let i = 0; i < summary.count; i++) expect(again.meanSpend[i]).toBeCloseTo(summary.meanSpend[i], 9);
  });

  it('groups 2,357 customers into far fewer distinct (x, tx, T) tuples with the same totals', () => {
    const grouped = groupRecencyFrequency(summary);
    expect(grouped.count).toBeLessThan(1100);
    let weight = 0;
    let sumX = 0;
    for (let g = 0; g < grouped.count; g++) {
      weight += grouped.weight[g];
      sumX += grouped.weight[g] * grouped.x[g];
    }
    expect(weight).toBe(2357);
    expect(sumX).toBe(2457);
    for (let i = 0; i < summary.count; i++) {
      const g = grouped.groupOf[i];
      expect([grouped.x[g], grouped.tx[g], grouped.T[g]]).toEqual([
        summary.x[i],
        summary.tx[i],
        summary.T[i],
      ]);
    }
  });
});

describe('summarizePurchases on records', () => {
  const records: PurchaseRecord[] = [
    { customerId: 'b', date: '2024-01-10', amount: 500 },
    { customerId: 'a', date: '2024-01-01', amount: 1000 },
    { customerId: 'a', date: '2024-01-01', amount: 250 }, // same day: merged into the first purchase
    { customerId: 'a', date: '2024-01-15', amount: 300 },
    { customerId: 'a', date: '2024-01-15', amount: 100 }, // merged: repeat day worth 400
    { customerId: 'a', date: '2024-01-29', amount: 800 },
    { customerId: 'a', date: '2024-02-05', amount: 999 }, // after `until`: holdout
    { customerId: 'c', date: '2024-02-02', amount: 700 }, // first purchase after `until`: left out
    { customerId: 'b', date: parseDayNumber('2024-02-20'), amount: 100 }, // day number; after holdout end
  ];

  it('summarises per customer with ids, in days and weeks', () => {
    const s = summarizePurchases(records, {
      until: '2024-01-31',
      holdoutUntil: '2024-02-14',
      timeUnit: 'day',
    });
    expect(s.count).toBe(2);
    expect(s.ids).toEqual(['b', 'a']);
    const a = s.ids!.indexOf('a');
    const b = s.ids!.indexOf('b');
    expect([s.x[a], s.tx[a], s.T[a], s.meanSpend[a], s.holdoutX![a]]).toEqual([2, 28, 30, 600, 1]);
    expect([s.x[b], s.tx[b], s.T[b], s.meanSpend[b], s.holdoutX![b]]).toEqual([0, 0, 21, 0, 0]);
    expect(s.holdoutLength).toBe(14);
    const weeks = summarizePurchases(records, { until: '2024-01-31' });
    expect(weeks.T[weeks.ids!.indexOf('a')]).toBeCloseTo(30 / 7, 12);
    expect(weeks.holdoutX).toBeUndefined();
  });

  it('rejects bad input with a message naming the field', () => {
    expect(() => summarizePurchases(records, { until: '2024-13-01' })).toThrow(/until/);
    expect(() => summarizePurchases(records, { until: '2024-01-31', holdoutUntil: '2024-01-01' })).toThrow(
      /holdoutUntil/,
    );
    expect(() =>
      summarizePurchases([{ customerId: 1, date: '2024-02-30', amount: 1 }], { until: '2024-03-01' }),
    ).toThrow(/date/);
    expect(() =>
      summarizePurchases({ customer: [0, -1], day: [1, 2], amount: [1, 1] }, { until: 10 }),
    ).toThrow(/customer/);
    expect(() =>
      summarizePurchases({ customer: [0], day: [1], amount: [Number.NaN] }, { until: 10 }),
    ).toThrow(/amount/);
    expect(() =>
      summarizePurchases({ customer: [0], day: [1], amount: [1] }, { until: 10, timeUnit: 'month' as never }),
    ).toThrow(/timeUnit/);
  });

  it('handles customers with many purchases (the long-segment sort path)', () => {
    const n = 5000;
    const customer = new Int32Array(n);
    const day = new Int32Array(n);
    const amount = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      day[i] = 1000 + ((i * 7919) % 400); // 400 distinct days, scrambled
      amount[i] = 1;
    }
    const s = summarizePurchases(
      { customer, day, amount },
      { until: 1000 + 299, holdoutUntil: 1000 + 399, timeUnit: 'day' },
    );
    expect(s.x[0]).toBe(299);
    expect(s.tx[0]).toBe(299);
    expect(s.T[0]).toBe(299);
    expect(s.holdoutX![0]).toBe(100);
    // 5000 purchases over 400 days: 12 or 13 per day; repeat days' mean equals the mean per day.
    let firstDayAmount = 0;
    let calibrationAmount = 0;
    for (let i = 0; i < n; i++) {
      if (day[i] === 1000) firstDayAmount += amount[i];
      if (day[i] <= 1299) calibrationAmount += amount[i];
    }
    expect(s.meanSpend[0]).toBeCloseTo((calibrationAmount - firstDayAmount) / 299, 9);
  });
});
