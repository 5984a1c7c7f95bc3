// BG/NBD log-likelihood (Fader, Hardie & Lee 2005, eq. 6) and its analytic gradient:
//   L = B(a, b+x)/B(a, b) * Γ(r+x) α^r / Γ(r) * [ (α+T)^-(r+x) + δ(x>0) a/(b+x-1) (α+tx)^-(r+x) ]
// Written for stability far from the optimum: gamma-function ratios as sums over the x repeat
// purchases, and α^r (α+T)^-r as exp(-r log1p(T/α)), so that huge r or α do not cancel
// two huge numbers. Terms that depend on x only are computed once per distinct x.
import { type PreparedRecencyFrequency, prepareRecencyFrequency } from './prepared-data';
import type { BgNbdParams, RecencyFrequency, WeightedRecencyFrequency } from './types';

export interface BgNbdLikelihood {
  data: PreparedRecencyFrequency;
  /** Log-likelihood at theta = [r, alpha, a, b]. */
  value(theta: ArrayLike<number>): number;
  /** Log-likelihood, with d logL / d theta written into `grad`. */
  valueAndGradient(theta: ArrayLike<number>, grad: Float64Array): number;
}

/** Likelihood over prepared rows; reuses scratch arrays between calls. */
export function createBgNbdLikelihood(
  input: RecencyFrequency | WeightedRecencyFrequency | PreparedRecencyFrequency,
): BgNbdLikelihood {
  const data = 'xIndex' in input ? input : prepareRecencyFrequency(input);
  const { n, x, tx, T, weight, xIndex, xs, xWeight, xOrder } = data;
  const K = xs.length;
  const logD = new Float64Array(K); // ln a - ln(b+x-1), x > 0
  const invBx1 = new Float64Array(K); // 1/(b+x-1)
  // Per distinct x: ln[Γ(r+x)/Γ(r)] + ln[B(a, b+x)/B(a, b)] and its partial derivatives.
  const constant = new Float64Array(K);
  const dConstR = new Float64Array(K);
  const dConstA = new Float64Array(K);
  const dConstB = new Float64Array(K);

  const computeConstants = (r: number, a: number, b: number, withGradient: boolean) => {
    // Γ(r+x)/Γ(r) = Π (r+j); B(a, b+x)/B(a, b) = Π (b+j)/(a+b+j), j = 0..x-1.
    let j = 0;
    let c = 0;
    let cr = 0;
    let ca = 0;
    let cb = 0;
    for (let o = 0; o < K; o++) {
      const k = xOrder[o];
      for (; j < xs[k]; j++) {
        c += Math.log(r + j) + Math.log((b + j) / (a + b + j));
        if (withGradient) {
          const inv = 1 / (a + b + j);
          cr += 1 / (r + j);
          ca -= inv;
          cb += 1 / (b + j) - inv;
        }
      }
      constant[k] = c;
      dConstR[k] = cr;
      dConstA[k] = ca;
      dConstB[k] = cb;
    }
  };

  const compute = (theta: ArrayLike<number>, grad: Float64Array | null): number => {
    const r = theta[0];
    const alpha = theta[1];
    const a = theta[2];
    const b = theta[3];
    if (!(r > 0 && alpha > 0 && a > 0 && b > 0)) return Number.NaN;
    computeConstants(r, a, b, grad !== null);
    const lnA = Math.log(a);
    let ll = 0;
    let dr = 0;
    let dalpha = 0;
    let da = 0;
    let db = 0;
    for (let k = 0; k < K; k++) {
      const w = xWeight[k];
      ll += w * constant[k];
      if (xs[k] > 0) {
        logD[k] = lnA - Math.log(b + xs[k] - 1);
        invBx1[k] = 1 / (b + xs[k] - 1);
      }
      if (grad) {
        dr += w * dConstR[k];
        da += w * dConstA[k];
        db += w * dConstB[k];
      }
    }
    // Per-row recency/age terms: u = ln[α^r (α+T)^-(r+x)], v = ln[a/(b+x-1) α^r (α+tx)^-(r+x)].
    for (let i = 0; i < n; i++) {
      const w = weight[i];
      if (w === 0) continue;
      const xi = x[i];
      const Ti = T[i];
      const lnAT = Math.log(alpha + Ti);
      const shrinkT = Math.log1p(Ti / alpha);
      const u = -r * shrinkT - xi * lnAT;
      if (xi === 0) {
        ll += w * u;
        if (grad) {
          dr -= w * shrinkT;
          dalpha += w * ((r * Ti) / (alpha * (alpha + Ti)) - xi / (alpha + Ti));
        }
        continue;
      }
      const k = xIndex[i];
      const txi = tx[i];
      const shrinkTx = Math.log1p(txi / alpha);
      const v = logD[k] - r * shrinkTx - xi * Math.log(alpha + txi);
      // ln(e^u + e^v) and q = e^v / (e^u + e^v), the share of the "dropped out after tx" term,
      // from one exponential.
      const d = u - v;
      const e = Math.exp(-Math.abs(d));
      ll += w * ((d > 0 ? u : v) + Math.log1p(e));
      if (grad) {
        const q = d > 0 ? e / (1 + e) : 1 / (1 + e);
        const p = 1 - q;
        dr -= w * (p * shrinkT + q * shrinkTx);
        dalpha +=
          w *
          (p * ((r * Ti) / (alpha * (alpha + Ti)) - xi / (alpha + Ti)) +
            q * ((r * txi) / (alpha * (alpha + txi)) - xi / (alpha + txi)));
        da += (w * q) / a;
        db -= w * q * invBx1[k];
      }
    }
    if (grad) {
      grad[0] = dr;
      grad[1] = dalpha;
      grad[2] = da;
      grad[3] = db;
    }
    return ll;
  };

  return {
    data,
    value: (theta) => compute(theta, null),
    valueAndGradient: (theta, grad) => compute(theta, grad),
  };
}

/** Total BG/NBD log-likelihood of the rows at the given parameters. */
export function computeBgNbdLogLikelihood(
  params: BgNbdParams,
  data: RecencyFrequency | WeightedRecencyFrequency,
): number {
  return createBgNbdLikelihood(data).value([params.r, params.alpha, params.a, params.b]);
}
