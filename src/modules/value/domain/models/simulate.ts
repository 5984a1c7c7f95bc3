// Synthetic purchase histories drawn from the BG/NBD process with Gamma-Gamma spend, for
// benchmarks and parameter-recovery tests. Time is continuous in days; purchases are
// recorded on the calendar day they fall on.
import { createRandom } from '../../../../lib/seeded-random';
import type { PurchaseColumns } from './summarize';
import type { BgNbdParams, GammaGammaParams } from './types';

export interface SimulationOptions {
  customers: number;
  /** BG/NBD parameters per day. */
  params: BgNbdParams;
  spend: GammaGammaParams;
  /** First purchases fall uniformly on days firstDay .. firstDay + acquisitionDays - 1. */
  firstDay: number;
  acquisitionDays: number;
  /** Last simulated day (inclusive). */
  lastDay: number;
  seed: number;
}

/**
 * Each customer: λ ~ Gamma(r, 1/α), dropout probability p ~ Beta(a, b); after the first
 * purchase, purchases follow a Poisson process with rate λ, and after each repeat purchase the
 * customer leaves with probability p. Spend: ν ~ Gamma(q, 1/γ), each amount ~ Gamma(p, 1/ν),
 * rounded to whole minor units (at least 1).
 */
export function simulateBgNbdPurchases(options: SimulationOptions): PurchaseColumns & { count: number } {
  const rnd = createRandom(options.seed);
  const { r, alpha, a, b } = options.params;
  let capacity = Math.max(16, options.customers * 2);
  let customer = new Int32Array(capacity);
  let day = new Int32Array(capacity);
  let amount = new Float64Array(capacity);
  let count = 0;
  const push = (c: number, d: number, v: number) => {
    if (count === capacity) {
      capacity *= 2;
      const grow = <T extends Int32Array | Float64Array>(arr: T, make: (n: number) => T): T => {
        const next = make(capacity);
        next.set(arr);
        return next;
      };
      customer = grow(customer, (n) => new Int32Array(n));
      day = grow(day, (n) => new Int32Array(n));
      amount = grow(amount, (n) => new Float64Array(n));
    }
    customer[count] = c;
    day[count] = d;
    amount[count] = v;
    count++;
  };
  for (let c = 0; c < options.customers; c++) {
    const lambda = rnd.gamma(r, 1 / alpha);
    const dropout = rnd.beta(a, b);
    const nu = rnd.gamma(options.spend.q, 1 / options.spend.gamma);
    const spend = () => Math.max(1, Math.round(rnd.gamma(options.spend.p, 1 / nu)));
    let t = options.firstDay + Math.floor(rnd.next() * options.acquisitionDays);
    push(c, t, spend());
    for (;;) {
      t += rnd.exponential(lambda);
      if (!(t < options.lastDay + 1)) break;
      push(c, Math.floor(t), spend());
      if (rnd.next() < dropout) break;
    }
  }
  return {
    customer: customer.subarray(0, count),
    day: day.subarray(0, count),
    amount: amount.subarray(0, count),
    count,
  };
}
