// Unconstrained minimisation of smooth functions of a few variables: BFGS (analytic or
// central-difference gradient) with a Nelder-Mead fallback and restarts. Written for
// maximum-likelihood fits in log-parameter space, where the objective may be +Infinity or NaN
// far from the optimum: such points are treated as "worse than anything".

export type Objective = (x: Float64Array) => number;
/** Writes the gradient at x into `out` and returns f(x). */
export type ObjectiveWithGradient = (x: Float64Array, out: Float64Array) => number;

export interface MinimizeResult {
  x: Float64Array;
  f: number;
  /** Iterations summed over all stages. */
  iterations: number;
  evaluations: number;
  converged: boolean;
  /** Largest absolute gradient component at the solution. */
  gradientNorm: number;
}

export interface MinimizeOptions {
  /** Analytic gradient; central differences are used without it. */
  gradient?: ObjectiveWithGradient;
  maxIterations?: number;
  /** Converged when max |g_i| <= gradientTolerance * max(1, |f|). */
  gradientTolerance?: number;
}

const DEFAULT_GRADIENT_TOLERANCE = 1e-9;

function finiteOrInf(v: number): number {
  return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
}

function maxAbs(v: Float64Array): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(v[i]));
  return m;
}

/** Central-difference gradient; step ~ eps^(1/3) balances truncation and rounding error. */
export function computeNumericalGradient(f: Objective, x: Float64Array, out: Float64Array): void {
  const probe = Float64Array.from(x);
  for (let i = 0; i < x.length; i++) {
    const h = 6e-6 * Math.max(1, Math.abs(x[i]));
    probe[i] = x[i] + h;
    const up = f(probe);
    probe[i] = x[i] - h;
    const down = f(probe);
    probe[i] = x[i];
    out[i] = (up - down) / (2 * h);
  }
}

function makeCounted(f: Objective, gradient: ObjectiveWithGradient | undefined) {
  const counter = { evaluations: 0 };
  const value: Objective = (x) => {
    counter.evaluations++;
    return finiteOrInf(f(x));
  };
  const withGradient: ObjectiveWithGradient = gradient
    ? (x, out) => {
        counter.evaluations++;
        return finiteOrInf(gradient(x, out));
      }
    : (x, out) => {
        const fx = value(x);
        if (Number.isFinite(fx)) computeNumericalGradient(value, x, out);
        return fx;
      };
  return { counter, value, withGradient };
}

export interface BfgsResult extends MinimizeResult {}

/** BFGS on the inverse Hessian with a backtracking Armijo line search. */
export function minimizeBfgs(f: Objective, x0: ArrayLike<number>, options: MinimizeOptions = {}): BfgsResult {
  const n = x0.length;
  const maxIterations = options.maxIterations ?? 500;
  const tol = options.gradientTolerance ?? DEFAULT_GRADIENT_TOLERANCE;
  const { counter, value, withGradient } = makeCounted(f, options.gradient);
  // With an analytic gradient every trial point gets one; with finite differences only the
  // accepted point pays for the 2n extra evaluations.
  const analytic = options.gradient !== undefined;

  let x = Float64Array.from(x0);
  let g = new Float64Array(n);
  let fx = withGradient(x, g);
  if (!Number.isFinite(fx)) {
    return { x, f: fx, iterations: 0, evaluations: counter.evaluations, converged: false, gradientNorm: NaN };
  }
  const H = new Float64Array(n * n);
  // BFGS updates since the last reset: the Newton-decrement test trusts H only after n of them.
  let updates = 0;
  const resetH = (scale: number) => {
    H.fill(0);
    for (let i = 0; i < n; i++) H[i * n + i] = scale;
  };
  resetH(1 / Math.max(1, maxAbs(g)));

  // g' H g: twice the decrease a Newton step would still bring; in standard-error units it
  // bounds how far the parameters are from the optimum, whatever the scale of f.
  const newtonDecrement = (): number => {
    let total = 0;
    for (let i = 0; i < n; i++) {
      let acc = 0;
      for (let j = 0; j < n; j++) acc += H[i * n + j] * g[j];
      total += g[i] * acc;
    }
    return total;
  };
  // Looser test for when rounding noise stops progress: within 1e-3 standard errors.
  const isNearlyOptimal = (): boolean =>
    maxAbs(g) <= 1e3 * tol * Math.max(1, Math.abs(fx)) || (updates >= n && newtonDecrement() <= 1e-6);
  const d = new Float64Array(n);
  const s = new Float64Array(n);
  const y = new Float64Array(n);
  const Hy = new Float64Array(n);
  let xNew = new Float64Array(n);
  let gNew = new Float64Array(n);
  let iterations = 0;
  let converged = maxAbs(g) <= tol * Math.max(1, Math.abs(fx));
  let stalls = 0;

  while (!converged && iterations < maxIterations) {
    iterations++;
    // Search direction d = -H g; fall back to steepest descent if not downhill.
    let slope = 0;
    for (let i = 0; i < n; i++) {
      let acc = 0;
      for (let j = 0; j < n; j++) acc += H[i * n + j] * g[j];
      d[i] = -acc;
      slope += d[i] * g[i];
    }
    if (!(slope < 0)) {
      resetH(1 / Math.max(1, maxAbs(g)));
      slope = 0;
      for (let i = 0; i < n; i++) {
        d[i] = -H[i * n + i] * g[i];
        slope += d[i] * g[i];
      }
    }
    // Backtracking: halve until the Armijo condition holds at a finite point.
    let step = 1;
    let fNew = Number.POSITIVE_INFINITY;
    let accepted = false;
    const dNorm = maxAbs(d);
    const xNorm = 1 + maxAbs(x);
    for (let k = 0; k < 40 && step * dNorm > 1e-15 * xNorm; k++) {
      for (let i = 0; i < n; i++) xNew[i] = x[i] + step * d[i];
      fNew = analytic ? withGradient(xNew, gNew) : value(xNew);
      if (Number.isFinite(fNew) && fNew <= fx + 1e-4 * step * slope) {
        accepted = true;
        if (!analytic) computeNumericalGradient(value, xNew, gNew);
        break;
      }
      step *= k < 2 ? 0.5 : 0.25;
    }
    if (!accepted) {
      // No progress along d: f is flat to rounding here. Accept if already (nearly) optimal,
      // else restart from steepest descent once, then give up.
      if (isNearlyOptimal()) {
        converged = true;
        break;
      }
      if (stalls++ > 0) break;
      resetH(1 / Math.max(1, maxAbs(g)));
      updates = 0;
      continue;
    }
    let sy = 0;
    let yy = 0;
    for (let i = 0; i < n; i++) {
      s[i] = xNew[i] - x[i];
      y[i] = gNew[i] - g[i];
      sy += s[i] * y[i];
      yy += y[i] * y[i];
    }
    const fOld = fx;
    [x, xNew] = [xNew, x];
    [g, gNew] = [gNew, g];
    fx = fNew;
    if (sy > 1e-12 * Math.sqrt(yy) * maxAbs(s)) {
      if (iterations === 1) resetH(sy / yy);
      updates++;
      // H <- (I - rho s y') H (I - rho y s') + rho s s'
      const rho = 1 / sy;
      let yHy = 0;
      for (let i = 0; i < n; i++) {
        let acc = 0;
        for (let j = 0; j < n; j++) acc += H[i * n + j] * y[j];
        Hy[i] = acc;
        yHy += y[i] * acc;
      }
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          H[i * n + j] += rho * ((1 + rho * yHy) * s[i] * s[j] - Hy[i] * s[j] - s[i] * Hy[j]);
        }
      }
    }
    converged = maxAbs(g) <= tol * Math.max(1, Math.abs(fx)) || (updates >= n && newtonDecrement() <= 1e-10);
    // Function value no longer moving at machine precision: stop, judged by the gradient.
    if (!converged && Math.abs(fOld - fx) <= 1e-15 * Math.max(1, Math.abs(fx)) && maxAbs(s) < 1e-10) {
      converged = isNearlyOptimal();
      break;
    }
  }
  return { x, f: fx, iterations, evaluations: counter.evaluations, converged, gradientNorm: maxAbs(g) };
}

export interface NelderMeadOptions {
  maxIterations?: number;
  /** Initial simplex edge along each coordinate. */
  initialStep?: number;
  fTolerance?: number;
  xTolerance?: number;
}

/** Nelder-Mead with dimension-adaptive coefficients (Gao & Han 2012). */
export function minimizeNelderMead(
  f: Objective,
  x0: ArrayLike<number>,
  options: NelderMeadOptions = {},
): MinimizeResult {
  const n = x0.length;
  const maxIterations = options.maxIterations ?? 2000 * n;
  const step = options.initialStep ?? 0.5;
  const fTol = options.fTolerance ?? 1e-12;
  const xTol = options.xTolerance ?? 1e-9;
  const alpha = 1;
  const beta = 1 + 2 / n;
  const gamma = 0.75 - 1 / (2 * n);
  const delta = 1 - 1 / n;
  let evaluations = 0;
  const value = (x: Float64Array) => {
    evaluations++;
    return finiteOrInf(f(x));
  };

  const pts: Float64Array[] = [];
  const fs: number[] = [];
  for (let i = 0; i <= n; i++) {
    const p = Float64Array.from(x0);
    if (i > 0) p[i - 1] += step;
    pts.push(p);
    fs.push(value(p));
  }
  const order = Array.from({ length: n + 1 }, (_, i) => i);
  const centroid = new Float64Array(n);
  const xr = new Float64Array(n);
  const xe = new Float64Array(n);
  const xc = new Float64Array(n);
  let iterations = 0;
  let converged = false;

  while (iterations < maxIterations) {
    order.sort((i, j) => fs[i] - fs[j]);
    const best = order[0];
    const worst = order[n];
    const second = order[n - 1];
    let spread = 0;
    let size = 0;
    for (let k = 1; k <= n; k++) {
      spread = Math.max(spread, Math.abs(fs[order[k]] - fs[best]));
      for (let i = 0; i < n; i++) size = Math.max(size, Math.abs(pts[order[k]][i] - pts[best][i]));
    }
    if (
      Number.isFinite(fs[best]) &&
      spread <= fTol * Math.max(1, Math.abs(fs[best])) &&
      size <= xTol * Math.max(1, maxAbs(pts[best]))
    ) {
      converged = true;
      break;
    }
    iterations++;
    centroid.fill(0);
    for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) centroid[i] += pts[order[k]][i] / n;
    const pw = pts[worst];
    for (let i = 0; i < n; i++) xr[i] = centroid[i] + alpha * (centroid[i] - pw[i]);
    const fr = value(xr);
    if (fr < fs[best]) {
      for (let i = 0; i < n; i++) xe[i] = centroid[i] + beta * (xr[i] - centroid[i]);
      const fe = value(xe);
      if (fe < fr) {
        pw.set(xe);
        fs[worst] = fe;
      } else {
        pw.set(xr);
        fs[worst] = fr;
      }
      continue;
    }
    if (fr < fs[second]) {
      pw.set(xr);
      fs[worst] = fr;
      continue;
    }
    // Contraction, outside or inside.
    const outside = fr < fs[worst];
    for (let i = 0; i < n; i++) {
      xc[i] = outside
        ? centroid[i] + gamma * (xr[i] - centroid[i])
        : centroid[i] - gamma * (centroid[i] - pw[i]);
    }
    const fc = value(xc);
    if (fc < (outside ? fr : fs[worst])) {
      pw.set(xc);
      fs[worst] = fc;
      continue;
    }
    // Shrink towards the best point.
    const pb = pts[best];
    for (let k = 1; k <= n; k++) {
      const p = pts[order[k]];
      for (let i = 0; i < n; i++) p[i] = pb[i] + delta * (p[i] - pb[i]);
      fs[order[k]] = value(p);
    }
  }
  let bestIndex = 0;
  for (let k = 1; k <= n; k++) if (fs[k] < fs[bestIndex]) bestIndex = k;
  return {
    x: Float64Array.from(pts[bestIndex]),
    f: fs[bestIndex],
    iterations,
    evaluations,
    converged,
    gradientNorm: NaN,
  };
}

/**
 * BFGS first; if it does not converge, Nelder-Mead restarted from its own answer until a
 * restart no longer improves, then BFGS again to polish and to certify by the gradient.
 */
export function minimize(f: Objective, x0: ArrayLike<number>, options: MinimizeOptions = {}): MinimizeResult {
  const first = minimizeBfgs(f, x0, options);
  if (first.converged) return first;
  let iterations = first.iterations;
  let evaluations = first.evaluations;
  let start = Number.isFinite(first.f) ? first.x : Float64Array.from(x0);
  let best = Number.isFinite(first.f) ? first.f : Number.POSITIVE_INFINITY;
  for (let restart = 0; restart < 8; restart++) {
    const nm = minimizeNelderMead(f, start, { initialStep: restart === 0 ? 0.5 : 0.1 });
    iterations += nm.iterations;
    evaluations += nm.evaluations;
    const improved = best - nm.f > 1e-10 * Math.max(1, Math.abs(nm.f));
    if (nm.f < best) {
      best = nm.f;
      start = nm.x;
    }
    if (!improved && restart > 0) break;
  }
  const polish = minimizeBfgs(f, start, options);
  iterations += polish.iterations;
  evaluations += polish.evaluations;
  const winner = polish.f <= best ? polish : { ...polish, x: start, f: best };
  return { ...winner, iterations, evaluations };
}
