// The loyalty module's figures. Run alone with `npx tsx bench/loyalty.ts`, or through bench/run.ts
// (`npm run bench -- loyalty`); each part of the module has its exported function below.
import { pathToFileURL } from 'node:url';
import { createRandom } from '../src/lib/seeded-random';
import {
  BasketBuilder,
  ItemDictionary,
  mineAssociationRules,
} from '../src/modules/loyalty/domain/association-rules';
import type { BenchResult } from './types';

const LINE_ITEMS = 10_000_000;
const CATALOGUE = 3_000;

/**
 * Basket rules: 10,000,000 purchase line items (about 2,000,000 baskets over 3,000 items with a
 * Zipf-like popularity and planted companions, seeded) read through the item dictionary and mined
 * at support ≥ 0.0005, confidence ≥ 0.1, up to 4 items; the budget is 60 s, peak memory reported.
 */
export async function benchBasketRules(): Promise<BenchResult[]> {
  const rnd = createRandom(20_261_203);
  const codes = Array.from({ length: CATALOGUE }, (_, i) => `sku-${String(i).padStart(5, '0')}`);
  // popularity ∝ 1 / (rank + 10)
  const cdf = new Float64Array(CATALOGUE);
  let sum = 0;
  for (let i = 0; i < CATALOGUE; i++) {
    sum += 1 / (i + 10);
    cdf[i] = sum;
  }
  const draw = () => {
    const u = rnd.next() * sum;
    let lo = 0;
    let hi = CATALOGUE - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  // Line items as code indexes, baskets ended by −1: what reading purchases hands the miner.
  const lines = new Int32Array(LINE_ITEMS + LINE_ITEMS / 2);
  let length = 0;
  let written = 0;
  let baskets = 0;
  while (written < LINE_ITEMS) {
    const size = 1 + Math.floor(rnd.next() * 8);
    for (let j = 0; j < size && written < LINE_ITEMS; j++) {
      const item = draw();
      lines[length++] = item;
      written++;
      // every tenth item has a companion bought with it two times in five
      if (item % 10 === 0 && rnd.next() < 0.4 && written < LINE_ITEMS) {
        lines[length++] = (item + 7) % CATALOGUE;
        written++;
      }
    }
    lines[length++] = -1;
    baskets++;
  }

  const rssBefore = process.memoryUsage().rss;
  const start = performance.now();
  const dictionary = new ItemDictionary();
  const builder = new BasketBuilder();
  for (let p = 0; p < length; p++) {
    const v = lines[p];
    if (v < 0) builder.close();
    else builder.add(dictionary.idOf(codes[v]));
  }
  const data = builder.build();
  const readMs = performance.now() - start;
  const result = mineAssociationRules(data, { minSupport: 0.0005, minConfidence: 0.1, maxLength: 4 });
  const totalMs = performance.now() - start;
  const peakRss = process.resourceUsage().maxRSS * 1024;
  const note = `${baskets.toLocaleString('en')} baskets, ${result.frequentItems} frequent of ${result.items} items, ${result.itemsets.toLocaleString('en')} itemsets, ${result.rules.length.toLocaleString('en')} rules; reading ${(readMs / 1000).toFixed(1)} s`;
  return [
    { name: 'basket rules: mine 10M line items', value: totalMs / 1000, unit: 's', budget: 60, note },
    {
      name: 'basket rules: peak memory (process)',
      value: peakRss / 2 ** 20,
      unit: 'MB',
      note: `the generated input alone holds ${(lines.byteLength / 2 ** 20) | 0} MB; RSS before mining ${(rssBefore / 2 ** 20).toFixed(0)} MB`,
    },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const r of await benchBasketRules()) console.log(r);
}
