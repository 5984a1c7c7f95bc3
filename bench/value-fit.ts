// Customer-value engine at scale: 1,000,000 simulated customers (BG/NBD purchase process,
// Gamma-Gamma spend, seeded), summarised, fitted and scored; plus a 10M-purchase summary.
// Run alone with `npx tsx bench/value-fit.ts`, or through bench/run.ts.
import { pathToFileURL } from 'node:url';
import { fitBgNbd } from '../src/modules/value/domain/models/bgnbd-fit';
import { fitGammaGamma } from '../src/modules/value/domain/models/gamma-gamma-fit';
import { groupRecencyFrequency } from '../src/modules/value/domain/models/group';
import { scoreCustomers } from '../src/modules/value/domain/models/score';
import { simulateBgNbdPurchases } from '../src/modules/value/domain/models/simulate';
import { summarizePurchases } from '../src/modules/value/domain/models/summarize';
import type { BenchResult } from './types';

const CUSTOMERS = 1_000_000;
const FIRST_DAY = 10_000; // 1997-05-19; any day works
const UNTIL = FIRST_DAY + 729; // two years of history, first purchases spread over the first
// CDNOW's BG/NBD estimates, per day (alpha x 7), and its Gamma-Gamma spend in cents.
const TRUTH = { r: 0.243, alpha: 30.9, a: 0.793, b: 2.426 };
const SPEND = { p: 6.25, q: 3.74, gamma: 1544 };

export async function benchValueFit(): Promise<BenchResult[]> {
  let peakRss = process.memoryUsage().rss;
  const sample = () => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  };
  const time = <T>(fn: () => T): [T, number] => {
    const start = performance.now();
    const value = fn();
    const ms = performance.now() - start;
    sample();
    return [value, ms];
  };

  const [purchases, simulateMs] = time(() =>
    simulateBgNbdPurchases({
      customers: CUSTOMERS,
      params: TRUTH,
      spend: SPEND,
      firstDay: FIRST_DAY,
      acquisitionDays: 365,
      lastDay: UNTIL,
      seed: 20_240_601,
    }),
  );
  const [summary, summarizeMs] = time(() =>
    summarizePurchases(purchases, { until: UNTIL, timeUnit: 'week' }),
  );
  const [fits, fitMs] = time(() => {
    const grouped = groupRecencyFrequency(summary);
    const bgnbd = fitBgNbd(grouped);
    const gammaGamma = fitGammaGamma({ x: summary.x, meanSpend: summary.meanSpend });
    return { grouped, bgnbd, gammaGamma };
  });
  const [scores, scoreMs] = time(() =>
    scoreCustomers(summary, { kind: 'bgnbd', params: fits.bgnbd.params }, fits.gammaGamma.params, {
      horizon: 52,
      clv: { periods: 12, periodLength: 52 / 12, discountRate: 0.01 },
    }),
  );
  let clvTotal = 0;
  for (let i = 0; i < scores.clv.length; i++) clvTotal += scores.clv[i];

  // 10M purchases in random order: the counting-sort path of the summary.
  const big = makeRandomPurchases(10_000_000, CUSTOMERS, FIRST_DAY, UNTIL, 99);
  sample();
  const [, summarizeBigMs] = time(() => summarizePurchases(big, { until: UNTIL - 90, holdoutUntil: UNTIL }));

  const maxRssMb = Math.max(peakRss, process.resourceUsage().maxRSS * 1024) / 2 ** 20;
  const { r, alpha, a, b } = fits.bgnbd.params;
  const fmt = (v: number) => v.toPrecision(4);
  return [
    {
      name: 'simulate 1M customers (BG/NBD process)',
      value: simulateMs,
      unit: 'ms',
      note: `${purchases.count.toLocaleString('en')} purchases`,
    },
    { name: 'summarise purchases of 1M customers', value: summarizeMs, unit: 'ms' },
    {
      name: 'fit BG/NBD + Gamma-Gamma, 1M customers',
      value: fitMs,
      unit: 'ms',
      budget: 5000,
      note:
        `${fits.grouped.count.toLocaleString('en')} distinct tuples; r=${fmt(r)} alpha=${fmt(alpha * 7)}/day ` +
        `a=${fmt(a)} b=${fmt(b)} (true ${TRUTH.r}, ${TRUTH.alpha}, ${TRUTH.a}, ${TRUTH.b}); ` +
        `converged ${fits.bgnbd.converged && fits.gammaGamma.converged}`,
    },
    {
      name: 'score 1M customers (P(alive), 52-week purchases, spend, 12-month CLV)',
      value: scoreMs,
      unit: 'ms',
      budget: 5000,
      note: `mean CLV ${(clvTotal / scores.clv.length / 100).toFixed(2)} (major units)`,
    },
    { name: 'summarise 10M purchases in random order', value: summarizeBigMs, unit: 'ms' },
    { name: 'peak memory (RSS high-water)', value: maxRssMb, unit: 'MB' },
  ];
}

/** Uniformly random purchases (customer, day, amount) in no particular order. */
function makeRandomPurchases(n: number, customers: number, firstDay: number, lastDay: number, seed: number) {
  let s = seed >>> 0;
  const next = () => {
    // xorshift32: enough for shuffled test input.
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
  const customer = new Int32Array(n);
  const day = new Int32Array(n);
  const amount = new Float64Array(n);
  const span = lastDay - firstDay + 1;
  for (let i = 0; i < n; i++) {
    customer[i] = Math.floor(next() * customers);
    day[i] = firstDay + Math.floor(next() * span);
    amount[i] = 100 + Math.floor(next() * 10_000);
  }
  return { customer, day, amount };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const r of await benchValueFit()) {
    const budget = r.budget === undefined ? '' : ` (budget ${r.budget} ${r.unit})`;
    console.log(
      `${r.name}: ${r.value.toFixed(r.unit === 'ms' ? 0 : 1)} ${r.unit}${budget}${r.note ? ` — ${r.note}` : ''}`,
    );
  }
}
