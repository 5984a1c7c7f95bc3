// Test helper: reads the CDNOW sample fixtures (test/fixtures/cdnow) into purchase columns.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseDayNumber } from '../../../../lib/day-number';
import type { PurchaseColumns } from './summarize';

const FIXTURES = new URL('../../../../../test/fixtures/cdnow/', import.meta.url);

export function readFixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(name, FIXTURES)), 'utf8');
}

/** CDNOW_sample.txt as columns: customer = sample id - 1, day number, amount in cents. */
export function readCdnowSample(): PurchaseColumns & { count: number } {
  const lines = readFixture('CDNOW_sample.txt')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const customer = new Int32Array(lines.length);
  const day = new Int32Array(lines.length);
  const amount = new Float64Array(lines.length);
  lines.forEach((line, i) => {
    const [, sampleId, date, , dollars] = line.trim().split(/\s+/);
    customer[i] = Number(sampleId) - 1;
    day[i] = parseDayNumber(date);
    amount[i] = Math.round(Number(dollars) * 100);
  });
  return { customer, day, amount, count: lines.length };
}

/** cdnow_customers_summary_with_transactions.csv rows (weeks, dollars, 2 decimals). */
export function readCdnowSummary(): { id: number; x: number; tx: number; T: number; zbar: number }[] {
  const [, ...rows] = readFixture('cdnow_customers_summary_with_transactions.csv').trim().split(/\r?\n/);
  return rows.map((row) => {
    const [id, x, tx, T, zbar] = row.split(',').map(Number);
    return { id, x, tx, T, zbar };
  });
}
