// Hessian of a smooth scalar function by central differences, for standard errors of
// maximum-likelihood estimates.

/**
 * Symmetric n-by-n Hessian (row-major) at x. Steps are relative to |x_i| (eps^(1/4) balances
 * truncation against rounding for second differences).
 */
export function computeNumericalHessian(
  f: (x: Float64Array) => number,
  x: ArrayLike<number>,
  relativeStep = 1e-4,
): Float64Array {
  const n = x.length;
  const h = new Float64Array(n);
  for (let i = 0; i < n; i++) h[i] = relativeStep * Math.max(Math.abs(x[i]), 1e-8);
  const p = Float64Array.from(x);
  const at = (i: number, di: number, j: number, dj: number): number => {
    p.set(x as ArrayLike<number>);
    p[i] += di * h[i];
    p[j] += dj * h[j];
    return f(p);
  };
  p.set(x as ArrayLike<number>);
  const f0 = f(p);
  const H = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    H[i * n + i] = (at(i, 1, i, 0) - 2 * f0 + at(i, -1, i, 0)) / (h[i] * h[i]);
    for (let j = 0; j < i; j++) {
      const v = (at(i, 1, j, 1) - at(i, 1, j, -1) - at(i, -1, j, 1) + at(i, -1, j, -1)) / (4 * h[i] * h[j]);
      H[i * n + j] = v;
      H[j * n + i] = v;
    }
  }
  return H;
}

/** Symmetric Hessian by central differences of an analytic gradient (more accurate than second differences). */
export function computeHessianFromGradient(
  gradient: (x: Float64Array, out: Float64Array) => void,
  x: ArrayLike<number>,
  relativeStep = 1e-5,
): Float64Array {
  const n = x.length;
  const H = new Float64Array(n * n);
  const p = Float64Array.from(x);
  const up = new Float64Array(n);
  const down = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const h = relativeStep * Math.max(Math.abs(x[j]), 1e-8);
    p[j] = x[j] + h;
    gradient(p, up);
    p[j] = x[j] - h;
    gradient(p, down);
    p[j] = x[j];
    for (let i = 0; i < n; i++) H[i * n + j] = (up[i] - down[i]) / (2 * h);
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const v = (H[i * n + j] + H[j * n + i]) / 2;
      H[i * n + j] = v;
      H[j * n + i] = v;
    }
  }
  return H;
}
