// Special functions used by likelihood code. The gamma-family functions come from @stdlib
// (accurate, pure JavaScript); the log-space helpers below keep sums of tiny terms finite.
import betalnImpl from '@stdlib/math-base-special-betaln';
import digammaImpl from '@stdlib/math-base-special-digamma';
import gammalnImpl from '@stdlib/math-base-special-gammaln';

/** ln Γ(x). */
export const gammaln: (x: number) => number = gammalnImpl;
/** ψ(x) = d/dx ln Γ(x). */
export const digamma: (x: number) => number = digammaImpl;
/** ln B(a, b). */
export const betaln: (a: number, b: number) => number = betalnImpl;

/** ln(e^a + e^b) without overflow; -Infinity terms are allowed. */
export function logAddExp(a: number, b: number): number {
  if (a === Number.NEGATIVE_INFINITY) return b;
  if (b === Number.NEGATIVE_INFINITY) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

/** ln(1 - e^d) for d <= 0, accurate both near 0 and for very negative d (Mächler 2012). */
export function log1mExp(d: number): number {
  return d > -Math.LN2 ? Math.log(-Math.expm1(d)) : Math.log1p(-Math.exp(d));
}

/** expm1(e·l)/e, continuous at e = 0 (where it equals l): the limit matters when a shape parameter is 1. */
export function expm1Ratio(e: number, l: number): number {
  const el = e * l;
  if (Math.abs(el) < 1e-5) return l * (1 + el / 2 + (el * el) / 6);
  return Math.expm1(el) / e;
}
