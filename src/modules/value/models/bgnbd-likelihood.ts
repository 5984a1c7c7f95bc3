// BG/NBD log-likelihood (Fader, Hardie & Lee 2005, eq. 6) and its analytic gradient:
//   L = B(a, b+x)/B(a, b) * Γ(r+x) α^r / Γ(r) * [ (α+T)^-(r+x) + δ(x>0) a/(b+x-1) (α+tx)^-(r+x) ]
// Gamma-function terms depend on x only and are computed once per distinct x.
import { digamma, gammaln } from '../../../lib/special-functions';
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
  const { n, x, tx, T, weight, xIndex, xs, xWeight, totalWeight } = data;
  const K = xs.length;
  const logD = new Float64Array(K); // ln a - ln(b+x-1), x > 0
  const invBx1 = new Float64Array(K); // 1/(b+x-1)

  const compute = (theta: ArrayLike<number>, grad: Float64Array | null): number => {
    const r = theta[0];
    const alpha = theta[1];
    const a = theta[2];
    const b = theta[3];
    if (!(r > 0 && alpha > 0 && a > 0 && b > 0)) return Number.NaN;
    const lnAlpha = Math.log(alpha);
    const lnA = Math.log(a);
    // Per-x constant terms.
    const gr = gammaln(r);
    const gb = gammaln(b);
    const gab = gammaln(a + b);
    let ll = totalWeight * (r * lnAlpha - gr - gb + gab);
    let dr = 0;
    let da = 0;
    let db = 0;
    const psiR = grad ? digamma(r) : 0;
    const psiB = grad ? digamma(b) : 0;
    const psiAB = grad ? digamma(a + b) : 0;
    for (let k = 0; k < K; k++) {
      const xk = xs[k];
      const w = xWeight[k];
      ll += w * (gammaln(r + xk) + gammaln(b + xk) - gammaln(a + b + xk));
      if (xk > 0) {
        logD[k] = lnA - Math.log(b + xk - 1);
        invBx1[k] = 1 / (b + xk - 1);
      }
      if (grad) {
        const psiABx = digamma(a + b + xk);
        dr += w * (digamma(r + xk) - psiR);
        da += w * (psiAB - psiABx);
        db += w * (digamma(b + xk) - psiABx - psiB + psiAB);
      }
    }
    let dalpha = 0;
    if (grad) {
      dr += totalWeight * lnAlpha;
      dalpha += (totalWeight * r) / alpha;
    }
    // Per-row recency/age terms.
    for (let i = 0; i < n; i++) {
      const w = weight[i];
      if (w === 0) continue;
      const xi = x[i];
      const rx = r + xi;
      const lnAT = Math.log(alpha + T[i]);
      const u = -rx * lnAT;
      if (xi === 0) {
        ll += w * u;
        if (grad) {
          dr -= w * lnAT;
          dalpha -= (w * rx) / (alpha + T[i]);
        }
        continue;
      }
      const k = xIndex[i];
      const lnAtx = Math.log(alpha + tx[i]);
      const v = logD[k] - rx * lnAtx;
      // ln(e^u + e^v) and q = e^v / (e^u + e^v), the share of the "dropped out after tx" term,
      // from one exponential.
      const d = u - v;
      const e = Math.exp(-Math.abs(d));
      ll += w * ((d > 0 ? u : v) + Math.log1p(e));
      if (grad) {
        const q = d > 0 ? e / (1 + e) : 1 / (1 + e);
        const p = 1 - q;
        dr -= w * (p * lnAT + q * lnAtx);
        dalpha -= w * rx * (p / (alpha + T[i]) + q / (alpha + tx[i]));
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
