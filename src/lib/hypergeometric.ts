// Gauss hypergeometric function 2F1 for real arguments 0 <= z < 1, in the forms that
// buy-till-you-die models need. Plain power series converge slowly as z -> 1, so the
// c = a + 1 case (Pareto/NBD) goes through Euler's transformation and Gauss's continued
// fraction instead, which converges geometrically even close to z = 1.

const EPS = 1e-16;
const TINY = 1e-300;
const MAX_TERMS = 100_000;

/**
 * (2F1(a, b; c; z) - 1) / b as a power series, finite as b -> 0 (each term carries a factor
 * b, divided out analytically). Requires c > 0 and 0 <= z < 1.
 */
export function hyp2f1MinusOneOverB(a: number, b: number, c: number, z: number): number {
  if (z === 0) return 0;
  // k = 1 term of (F - 1)/b: a z / c.
  let term = (a * z) / c;
  let sum = term;
  for (let k = 1; k < MAX_TERMS; k++) {
    // ratio of term k+1 to term k; (b+1)_{k-1} grows by (b + k) at step k.
    term *= ((a + k) * (b + k) * z) / ((c + k) * (k + 1));
    sum += term;
    if (Math.abs(term) <= EPS * Math.abs(sum)) break;
  }
  return sum;
}

/** 2F1(a, b; c; z) as a power series; requires c > 0 and 0 <= z < 1. */
export function hyp2f1Series(a: number, b: number, c: number, z: number): number {
  return 1 + b * hyp2f1MinusOneOverB(a, b, c, z);
}

/**
 * F(1, A; C + 1; z) by Gauss's continued fraction for the ratio of contiguous functions
 * F(A, 1; C + 1; z) / F(A, 0; C; z), evaluated with the modified Lentz method.
 * For A > 0, C - A + 1 > 0 every partial numerator is positive and the fraction converges for z < 1.
 */
export function hyp2f1UnitCf(A: number, C: number, z: number): number {
  if (z === 0) return 1;
  // g = 1 - k1 z / (1 - k2 z / (1 - ...)), result = 1 / g.
  let f = 1;
  let cLentz = 1;
  let dLentz = 0;
  for (let j = 1; j <= MAX_TERMS; j++) {
    const n = (j - 1) >> 1;
    const k =
      j & 1
        ? ((A + n) * (C + n)) / ((C + 2 * n) * (C + 2 * n + 1))
        : ((n + 1) * (C - A + n + 1)) / ((C + 2 * n + 1) * (C + 2 * n + 2));
    const aj = -k * z;
    dLentz = 1 + aj * dLentz;
    if (Math.abs(dLentz) < TINY) dLentz = TINY;
    cLentz = 1 + aj / cLentz;
    if (Math.abs(cLentz) < TINY) cLentz = TINY;
    dLentz = 1 / dLentz;
    const delta = cLentz * dLentz;
    f *= delta;
    if (Math.abs(delta - 1) <= EPS) break;
  }
  return 1 / f;
}

/**
 * ln 2F1(a, b; a + 1; z) for a > 0, b > 0, 0 <= z < 1, via Euler's transformation
 * 2F1(a, b; a+1; z) = (1 - z)^(1 - b) 2F1(1, a + 1 - b; a + 1; z).
 */
export function logHyp2f1AdjacentC(a: number, b: number, z: number): number {
  if (z === 0) return 0;
  return (1 - b) * Math.log1p(-z) + Math.log(hyp2f1UnitCf(a + 1 - b, a, z));
}
