import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCdnowSample } from './cdnow-fixture';
import { fitParetoNbd } from './pareto-nbd-fit';
import { computeParetoLogA0, createParetoNbdLikelihood } from './pareto-nbd-likelihood';
import {
  computeParetoNbdAliveProbability,
  computeParetoNbdAliveProbabilityOne,
  predictParetoNbdPurchases,
  predictParetoNbdPurchasesOne,
} from './pareto-nbd-score';
import { summarizePurchases } from './summarize';

function expectSignificant(actual: number, published: number, digits = 3): void {
  expect(Number(actual.toPrecision(digits))).toBe(published);
}

/**
 * ln A0 from its integral form, A0 = m ∫_tx^T (α+τ)^-(r+x) (β+τ)^-(s+1) dτ, m = r+s+x,
 * by composite Simpson in v = ln(min(α, β) + τ) (where the integrand is smooth), scaled at tx.
 */
function logA0ByQuadrature(
  r: number,
  alpha: number,
  s: number,
  beta: number,
  x: number,
  tx: number,
  T: number,
) {
  const intervals = 40_000;
  const k = Math.min(alpha, beta);
  const v0 = Math.log(k + tx);
  const v1 = Math.log(k + T);
  const h = (v1 - v0) / intervals;
  const logIntegrand = (v: number) => {
    const ev = Math.exp(v);
    return v - (r + x) * Math.log(alpha - k + ev) - (s + 1) * Math.log(beta - k + ev);
  };
  const ref = logIntegrand(v0);
  let sum = 0;
  for (let j = 0; j <= intervals; j++) {
    const w = j === 0 || j === intervals ? 1 : j % 2 === 1 ? 4 : 2;
    sum += w * Math.exp(logIntegrand(v0 + j * h) - ref);
  }
  return Math.log(r + s + x) + ref + Math.log((sum * h) / 3);
}

describe('Pareto/NBD on the CDNOW sample (calibration to 1997-09-30)', () => {
  const purchases = readCdnowSample();
  const weeks = summarizePurchases(purchases, { until: '1997-09-30' });
  const fit = fitParetoNbd(weeks);

  it('reproduces the published estimates in weeks', () => {
    expect(fit.converged).toBe(true);
    expectSignificant(fit.params.r, 0.553);
    expect(fit.params.alpha).toBeCloseTo(10.578, 2);
    expectSignificant(fit.params.s, 0.606);
    // The likelihood is very flat in beta: published to about 0.01.
    expect(Math.abs(fit.params.beta - 11.669)).toBeLessThan(0.01);
    expect(fit.logLik).toBeCloseTo(-9594.98, 1);
    expect(Number(fit.logLik.toFixed(1))).toBe(-9595.0);
    for (const se of Object.values(fit.stdErr)) expect(se).toBeGreaterThan(0);
  });

  it('in days: alpha and beta are multiplied by 7, logLik shifted by -4781.10', () => {
    const days = summarizePurchases(purchases, { until: '1997-09-30', timeUnit: 'day' });
    const dayFit = fitParetoNbd(days);
    expect(dayFit.converged).toBe(true);
    expect(dayFit.params.alpha / fit.params.alpha).toBeCloseTo(7, 3);
    expect(dayFit.params.beta / 7).toBeCloseTo(fit.params.beta, 1);
    expect(dayFit.params.r).toBeCloseTo(fit.params.r, 4);
    expect(dayFit.params.s).toBeCloseTo(fit.params.s, 3);
    expect(dayFit.logLik - fit.logLik).toBeCloseTo(-4781.1, 1);
  });

  it('vectorised predictions equal the per-customer formulas', () => {
    const alive = computeParetoNbdAliveProbability(fit.params, weeks);
    const expected = predictParetoNbdPurchases(fit.params, weeks, 39);
    for (let i = 0; i < weeks.count; i += 7) {
      const one = computeParetoNbdAliveProbabilityOne(fit.params, weeks.x[i], weeks.tx[i], weeks.T[i]);
      expect(alive[i]).toBeCloseTo(one, 12);
      expect(expected[i]).toBeCloseTo(
        predictParetoNbdPurchasesOne(fit.params, weeks.x[i], weeks.tx[i], weeks.T[i], 39),
        12,
      );
    }
  });

  it('evaluates the likelihood with cached terms exactly as row by row', () => {
    const likelihood = createParetoNbdLikelihood(weeks);
    const theta = [0.7, 3, 1.4, 40]; // alpha < beta branch
    const theta2 = [0.4, 30, 0.3, 2]; // alpha >= beta branch
    for (const t of [theta, theta2]) {
      const first = new Float64Array(likelihood.data.n);
      const bracket = new Float64Array(likelihood.data.n);
      likelihood.computeLogTerms(t, first, bracket);
      for (let i = 0; i < likelihood.data.n; i += 5) {
        const { x, tx, T } = likelihood.data;
        const p = { r: t[0], alpha: t[1], s: t[2], beta: t[3] };
        expect(Math.exp(first[i] - bracket[i])).toBeCloseTo(
          computeParetoNbdAliveProbabilityOne(p, x[i], tx[i], T[i]),
          12,
        );
      }
    }
  });
});

const paramsArb = fc.record({
  r: fc.double({ min: 0.05, max: 5, noNaN: true }),
  alpha: fc.double({ min: 0.05, max: 200, noNaN: true }),
  s: fc.double({ min: 0.05, max: 5, noNaN: true }),
  beta: fc.double({ min: 0.05, max: 200, noNaN: true }),
});
const historyArb = fc
  .record({
    x: fc.integer({ min: 0, max: 40 }),
    T: fc.double({ min: 0.01, max: 100, noNaN: true }),
    share: fc.double({ min: 0, max: 0.999, noNaN: true }),
  })
  .map(({ x, T, share }) => ({ x, T, tx: x === 0 ? 0 : share * T }));

describe('Pareto/NBD numerics (properties)', () => {
  it('A0 from the hypergeometric branches matches direct quadrature of its integral', () => {
    fc.assert(
      fc.property(paramsArb, historyArb, (p, h) => {
        const ours = computeParetoLogA0(p.r, p.alpha, p.s, p.beta, h.x, h.tx, h.T);
        const quad = logA0ByQuadrature(p.r, p.alpha, p.s, p.beta, h.x, h.tx, h.T);
        expect(Math.abs(ours - quad)).toBeLessThan(1e-6);
      }),
      { numRuns: 60 },
    );
  });

  it('stays accurate when the 2F1 argument is close to 1 (alpha/beta far apart, tx = 0)', () => {
    for (const [alpha, beta] of [
      [1000, 0.05],
      [0.05, 1000],
      [5000, 1],
    ]) {
      const ours = computeParetoLogA0(0.5, alpha, 0.7, beta, 0, 0, 30);
      const quad = logA0ByQuadrature(0.5, alpha, 0.7, beta, 0, 0, 30);
      expect(Math.abs(ours - quad)).toBeLessThan(1e-6);
    }
  });

  it('P(alive) is in [0, 1] and does not increase with longer inactivity', () => {
    fc.assert(
      fc.property(paramsArb, historyArb, fc.double({ min: 0, max: 100, noNaN: true }), (p, h, extra) => {
        const now = computeParetoNbdAliveProbabilityOne(p, h.x, h.tx, h.T);
        const later = computeParetoNbdAliveProbabilityOne(p, h.x, h.tx, h.T + extra);
        expect(now).toBeGreaterThanOrEqual(0);
        expect(now).toBeLessThanOrEqual(1);
        expect(later).toBeLessThanOrEqual(now + 1e-9);
      }),
    );
  });

  it('expected purchases are >= 0 and non-decreasing in the horizon, also at s = 1', () => {
    fc.assert(
      fc.property(
        paramsArb,
        historyArb,
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (p, h, t1, dt) => {
          const e1 = predictParetoNbdPurchasesOne(p, h.x, h.tx, h.T, t1);
          const e2 = predictParetoNbdPurchasesOne(p, h.x, h.tx, h.T, t1 + dt);
          expect(Number.isFinite(e1)).toBe(true);
          expect(e1).toBeGreaterThanOrEqual(0);
          expect(e2).toBeGreaterThanOrEqual(e1 - 1e-9 * Math.max(1, e1));
        },
      ),
    );
    const p = { r: 0.5, alpha: 10, s: 1, beta: 12 };
    expect(predictParetoNbdPurchasesOne(p, 2, 20, 30, 39)).toBeCloseTo(
      predictParetoNbdPurchasesOne({ ...p, s: 1 + 1e-8 }, 2, 20, 30, 39),
      6,
    );
  });
});
