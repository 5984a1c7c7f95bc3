import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from './types';

/**
 * Runs every benchmark of this folder (each file exports `bench*` functions returning BenchResult[])
 * and prints measured figures against their budgets. `npm run bench -- customers` runs matching files only.
 */
const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && !['run.ts', 'types.ts'].includes(f) && !f.endsWith('.test.ts'))
  .filter((f) => !only.length || only.some((o) => f.includes(o)))
  .sort();

const results: BenchResult[] = [];
for (const file of files) {
  const mod = (await import(join(here, file))) as Record<string, unknown>;
  for (const [name, fn] of Object.entries(mod)) {
    if (!name.startsWith('bench') || typeof fn !== 'function') continue;
    process.stdout.write(`\n▶ ${file} ${name}\n`);
    const out = (await (fn as () => Promise<BenchResult[]>)()) ?? [];
    for (const r of out) printResult(r);
    results.push(...out);
  }
}

function verdict(r: BenchResult) {
  if (r.budget === undefined) return '';
  const ok = r.higherIsBetter ? r.value >= r.budget : r.value <= r.budget;
  return ok ? 'within budget' : 'OVER BUDGET';
}

function printResult(r: BenchResult) {
  const fmt = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : v.toPrecision(3));
  const budget =
    r.budget === undefined ? '' : ` (budget ${r.higherIsBetter ? '≥' : '≤'} ${fmt(r.budget)} ${r.unit})`;
  const baseline = r.baseline === undefined ? '' : ` [baseline ${fmt(r.baseline)} ${r.unit}]`;
  process.stdout.write(
    `  ${r.name}: ${fmt(r.value)} ${r.unit}${budget}${baseline} ${verdict(r)}${r.note ? ` — ${r.note}` : ''}\n`,
  );
}

const over = results.filter((r) => verdict(r) === 'OVER BUDGET');
process.stdout.write(`\n${results.length} figures measured, ${over.length} over budget\n`);
process.exit(0);
