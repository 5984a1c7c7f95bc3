// Gamma-Gamma expected spend per transaction (Fader, Hardie & Lee 2005, "RFM and CLV", eq. 5):
//   E[M | p, q, γ; x, zbar] = p (γ + x zbar) / (p x + q - 1),
// a weighted mean of the population mean p γ / (q - 1) and the customer's own mean zbar.
// Customers with x = 0 get the population mean. Needs q > 1 (a finite mean).
import type { GammaGammaParams } from './types';

export function predictGammaGammaSpendOne(params: GammaGammaParams, x: number, meanSpend: number): number {
  const { p, q, gamma } = params;
  if (!(q > 1)) return Number.NaN;
  const own = x > 0 ? x * meanSpend : 0;
  return (p * (gamma + own)) / (p * x + q - 1);
}

/** Expected spend per future transaction for every row, in the unit of meanSpend. */
export function predictGammaGammaSpend(
  params: GammaGammaParams,
  x: ArrayLike<number>,
  meanSpend: ArrayLike<number>,
  out?: Float64Array,
): Float64Array {
  const n = x.length;
  if (meanSpend.length !== n) throw new RangeError('meanSpend: length must match x');
  if (out && out.length !== n) throw new RangeError('out: length must match the data');
  const res = out ?? new Float64Array(n);
  for (let i = 0; i < n; i++) res[i] = predictGammaGammaSpendOne(params, x[i], meanSpend[i]);
  return res;
}
