// Maximum-likelihood fitting shared by the models: optimise in log-parameter space (keeps
// every parameter positive and evens out scales), then standard errors from the inverse of
// the numerical Hessian of -logL at the parameter scale.
import { computeHessianFromGradient, computeNumericalHessian } from '../../../../lib/numeric-hessian';
import { minimize } from '../../../../lib/optimize';
import { invertMatrix } from '../../../../lib/small-matrix';
import type { ModelFit, StdErr } from './types';

export interface LikelihoodProblem {
  /** Parameter names, in theta order. */
  names: readonly string[];
  /** Natural-scale starting point (all > 0). */
  start: ArrayLike<number>;
  value(theta: ArrayLike<number>): number;
  valueAndGradient?(theta: ArrayLike<number>, grad: Float64Array): number;
  customers: number;
}

const MAX_LOG_DISTANCE = 10 * Math.LN10;

export interface FitOptions {
  maxIterations?: number;
}

function toRecord(names: readonly string[], values: ArrayLike<number>): Record<string, number> {
  const out: Record<string, number> = {};
  names.forEach((name, i) => {
    out[name] = values[i];
  });
  return out;
}

/** Standard errors sqrt(diag(H^-1)) of -logL; NaN where the Hessian is singular or not positive. */
export function computeStandardErrors(problem: LikelihoodProblem, theta: Float64Array): Float64Array {
  const n = theta.length;
  const negGrad = problem.valueAndGradient
    ? (p: Float64Array, out: Float64Array) => {
        problem.valueAndGradient!(p, out);
        for (let i = 0; i < n; i++) out[i] = -out[i];
      }
    : null;
  const H = negGrad
    ? computeHessianFromGradient(negGrad, theta)
    : computeNumericalHessian((p) => -problem.value(p), theta);
  const inv = invertMatrix(H, n);
  const se = new Float64Array(n).fill(Number.NaN);
  if (!inv) return se;
  for (let i = 0; i < n; i++) {
    const v = inv[i * n + i];
    if (v > 0) se[i] = Math.sqrt(v);
  }
  return se;
}

export function fitMaximumLikelihood<P>(problem: LikelihoodProblem, options: FitOptions = {}): ModelFit<P> {
  const n = problem.names.length;
  const theta = new Float64Array(n);
  const toTheta = (phi: ArrayLike<number>) => {
    for (let i = 0; i < n; i++) theta[i] = Math.exp(phi[i]);
    return theta;
  };
  const phi0 = Array.from(problem.start, (v) => Math.log(v));
  // Parameters within a factor 1e10 of the start: beyond that the data carry no information
  // (degenerate samples push an estimate towards 0 or infinity) and rounding takes over.
  const inBounds = (phi: ArrayLike<number>) => {
    for (let i = 0; i < n; i++) if (!(Math.abs(phi[i] - phi0[i]) <= MAX_LOG_DISTANCE)) return false;
    return true;
  };
  const objective = (phi: Float64Array) => (inBounds(phi) ? -problem.value(toTheta(phi)) : Number.NaN);
  const thetaGrad = new Float64Array(n);
  const gradient = problem.valueAndGradient
    ? (phi: Float64Array, out: Float64Array) => {
        if (!inBounds(phi)) return Number.NaN;
        const ll = problem.valueAndGradient!(toTheta(phi), thetaGrad);
        // Chain rule for theta = exp(phi).
        for (let i = 0; i < n; i++) out[i] = -theta[i] * thetaGrad[i];
        return -ll;
      }
    : undefined;
  const result = minimize(objective, phi0, { gradient, maxIterations: options.maxIterations });
  const best = Float64Array.from(result.x, (v) => Math.exp(v));
  const se = computeStandardErrors(problem, best);
  return {
    params: toRecord(problem.names, best) as P,
    logLik: problem.value(best),
    stdErr: toRecord(problem.names, se) as StdErr<P>,
    // An estimate pinned at the bounds is a degenerate sample, not a converged fit.
    converged: result.converged && result.x.every((v, i) => Math.abs(v - phi0[i]) < MAX_LOG_DISTANCE - 1),
    iterations: result.iterations,
    evaluations: result.evaluations,
    customers: problem.customers,
  };
}
