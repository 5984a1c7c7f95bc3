import { invertMatrix } from '../../../lib/small-matrix';

/**
 * The propensity score: the probability that a customer got the perk given what they were before it,
 * from a logistic regression fitted by Newton's method (iteratively reweighted least squares).
 *
 * Columns are standardized before the fit (mean 0, standard deviation 1), and a ridge term `ridge`·‖β‖²/2
 * on the slopes (never the intercept) keeps the Newton step defined when a covariate separates the groups
 * perfectly or two covariates say the same thing; `ridge: 0` is the plain maximum-likelihood fit.
 */
export interface LogisticFit {
  /** Intercept then one slope per column, on the original scale of the columns. */
  coefficients: number[];
  iterations: number;
  converged: boolean;
}

export interface LogisticOptions {
  ridge?: number;
  maxIterations?: number;
  tolerance?: number;
}

/** Fits P(y = 1 | x) = 1 / (1 + exp(−(β₀ + βᵀx))); `rows[i]` are the covariates of unit i, `y[i]` 0 or 1. */
export function fitLogistic(
  rows: readonly (readonly number[])[],
  y: readonly number[],
  options: LogisticOptions = {},
): LogisticFit {
  const ridge = options.ridge ?? 1e-3;
  const maxIterations = options.maxIterations ?? 50;
  const tolerance = options.tolerance ?? 1e-10;
  const n = rows.length;
  const k = n ? rows[0].length : 0;
  const p = k + 1;
  // Standardize: a column that never varies keeps scale 1 (its slope stays at the ridge's zero).
  const mean = new Float64Array(k);
  const scale = new Float64Array(k).fill(1);
  for (let j = 0; j < k; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += rows[i][j];
    mean[j] = n ? s / n : 0;
    let v = 0;
    for (let i = 0; i < n; i++) v += (rows[i][j] - mean[j]) ** 2;
    const sd = n > 1 ? Math.sqrt(v / (n - 1)) : 0;
    if (sd > 0) scale[j] = sd;
  }
  const x = new Float64Array(n * p);
  for (let i = 0; i < n; i++) {
    x[i * p] = 1;
    for (let j = 0; j < k; j++) x[i * p + j + 1] = (rows[i][j] - mean[j]) / scale[j];
  }
  const beta = new Float64Array(p);
  const gradient = new Float64Array(p);
  const hessian = new Float64Array(p * p);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    gradient.fill(0);
    hessian.fill(0);
    for (let i = 0; i < n; i++) {
      let eta = 0;
      for (let a = 0; a < p; a++) eta += x[i * p + a] * beta[a];
      const mu = 1 / (1 + Math.exp(-eta));
      const w = Math.max(mu * (1 - mu), 1e-12);
      const r = y[i] - mu;
      for (let a = 0; a < p; a++) {
        const xa = x[i * p + a];
        gradient[a] += xa * r;
        for (let b = a; b < p; b++) hessian[a * p + b] += w * xa * x[i * p + b];
      }
    }
    for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) hessian[a * p + b] = hessian[b * p + a];
    for (let a = 1; a < p; a++) {
      gradient[a] -= ridge * beta[a];
      hessian[a * p + a] += ridge;
    }
    const inverse = invertMatrix(hessian, p);
    if (!inverse) break;
    let change = 0;
    for (let a = 0; a < p; a++) {
      let step = 0;
      for (let b = 0; b < p; b++) step += inverse[a * p + b] * gradient[b];
      beta[a] += step;
      change = Math.max(change, Math.abs(step));
    }
    if (change < tolerance) {
      converged = true;
      break;
    }
  }
  // Back to the columns' own scale.
  const coefficients = new Array<number>(p);
  let intercept = beta[0];
  for (let j = 0; j < k; j++) {
    coefficients[j + 1] = beta[j + 1] / scale[j];
    intercept -= (beta[j + 1] * mean[j]) / scale[j];
  }
  coefficients[0] = intercept;
  return { coefficients, iterations, converged };
}

/** The linear predictor β₀ + βᵀx of each row: the logit of its propensity score. */
export function logitsOf(fit: LogisticFit, rows: readonly (readonly number[])[]): number[] {
  const c = fit.coefficients;
  return rows.map((row) => {
    let eta = c[0];
    for (let j = 0; j < row.length; j++) eta += c[j + 1] * row[j];
    return eta;
  });
}
