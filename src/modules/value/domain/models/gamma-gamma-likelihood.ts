// Gamma-Gamma spend model log-likelihood (Fader, Hardie & Lee 2005, "RFM and CLV", eq. 2)
// of the mean spend zbar over x repeat transactions:
//   f(zbar | p, q, γ; x) = Γ(px+q) / (Γ(px) Γ(q)) · γ^q zbar^(px-1) x^(px) / (γ + x zbar)^(px+q)
// Terms linear in p are summed once; each evaluation costs one log per customer.
import { indexDistinctRows } from '../../../../lib/distinct-rows';
import { digamma, gammaln } from '../../../../lib/special-functions';
import type { GammaGammaParams } from './types';

/** Repeat buyers' spend data: x > 0 transactions with mean amount meanSpend > 0 (optionally weighted). */
export interface SpendData {
  x: ArrayLike<number>;
  meanSpend: ArrayLike<number>;
  weight?: ArrayLike<number>;
}

export interface PreparedSpendData {
  n: number;
  x: Float64Array;
  z: Float64Array;
  weight: Float64Array;
  xIndex: Int32Array;
  xs: Float64Array;
  xWeight: Float64Array;
  totalWeight: number;
  /** Σ w x ln z, Σ w ln z, Σ w x ln x: the data-only parts of the likelihood. */
  sumXLogZ: number;
  sumLogZ: number;
  sumXLogX: number;
  meanSpend: number;
}

/** Keeps customers with x > 0 and meanSpend > 0 (the model's support) and precomputes sums. */
export function prepareSpendData(data: SpendData): PreparedSpendData {
  const keep: number[] = [];
  for (let i = 0; i < data.x.length; i++) {
    const w = data.weight ? data.weight[i] : 1;
    if (data.x[i] > 0 && data.meanSpend[i] > 0 && Number.isFinite(data.meanSpend[i]) && w > 0) keep.push(i);
  }
  const n = keep.length;
  const x = new Float64Array(n);
  const z = new Float64Array(n);
  const weight = new Float64Array(n);
  let totalWeight = 0;
  let sumXLogZ = 0;
  let sumLogZ = 0;
  let sumXLogX = 0;
  let sumZ = 0;
  for (let j = 0; j < n; j++) {
    const i = keep[j];
    x[j] = data.x[i];
    z[j] = data.meanSpend[i];
    weight[j] = data.weight ? data.weight[i] : 1;
    const w = weight[j];
    totalWeight += w;
    sumXLogZ += w * x[j] * Math.log(z[j]);
    sumLogZ += w * Math.log(z[j]);
    sumXLogX += w * x[j] * Math.log(x[j]);
    sumZ += w * z[j];
  }
  const distinct = indexDistinctRows([x]);
  const xs = new Float64Array(distinct.count);
  const xWeight = new Float64Array(distinct.count);
  for (let k = 0; k < distinct.count; k++) xs[k] = x[distinct.firstRow[k]];
  for (let j = 0; j < n; j++) xWeight[distinct.groupOf[j]] += weight[j];
  return {
    n,
    x,
    z,
    weight,
    xIndex: distinct.groupOf,
    xs,
    xWeight,
    totalWeight,
    sumXLogZ,
    sumLogZ,
    sumXLogX,
    meanSpend: totalWeight > 0 ? sumZ / totalWeight : 0,
  };
}

export interface GammaGammaLikelihood {
  data: PreparedSpendData;
  value(theta: ArrayLike<number>): number;
  valueAndGradient(theta: ArrayLike<number>, grad: Float64Array): number;
}

export function createGammaGammaLikelihood(input: SpendData | PreparedSpendData): GammaGammaLikelihood {
  const data = 'xIndex' in input ? input : prepareSpendData(input);
  const { n, x, z, weight, xs, xWeight, totalWeight, sumXLogZ, sumLogZ, sumXLogX } = data;
  const compute = (theta: ArrayLike<number>, grad: Float64Array | null): number => {
    const p = theta[0];
    const q = theta[1];
    const gamma = theta[2];
    if (!(p > 0 && q > 0 && gamma > 0)) return Number.NaN;
    const lnGamma = Math.log(gamma);
    let ll = totalWeight * (q * lnGamma - gammaln(q)) + p * sumXLogZ - sumLogZ + p * sumXLogX;
    let dp = sumXLogZ + sumXLogX;
    let dq = grad ? totalWeight * (lnGamma - digamma(q)) : 0;
    let dg = (totalWeight * q) / gamma;
    for (let k = 0; k < xs.length; k++) {
      const px = p * xs[k];
      ll += xWeight[k] * (gammaln(px + q) - gammaln(px));
      if (grad) {
        const psiPxq = digamma(px + q);
        dp += xWeight[k] * xs[k] * (psiPxq - digamma(px));
        dq += xWeight[k] * psiPxq;
      }
    }
    for (let i = 0; i < n; i++) {
      const w = weight[i];
      const den = gamma + x[i] * z[i];
      const lnDen = Math.log(den);
      const pxq = p * x[i] + q;
      ll -= w * pxq * lnDen;
      if (grad) {
        dp -= w * x[i] * lnDen;
        dq -= w * lnDen;
        dg -= (w * pxq) / den;
      }
    }
    if (grad) {
      grad[0] = dp;
      grad[1] = dq;
      grad[2] = dg;
    }
    return ll;
  };
  return { data, value: (t) => compute(t, null), valueAndGradient: (t, g) => compute(t, g) };
}

/** Total Gamma-Gamma log-likelihood of the repeat buyers at the given parameters. */
export function computeGammaGammaLogLikelihood(params: GammaGammaParams, data: SpendData): number {
  return createGammaGammaLikelihood(data).value([params.p, params.q, params.gamma]);
}
