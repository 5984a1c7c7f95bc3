import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hyp2f1Series } from '../../../../lib/hypergeometric';
import { computeNumericalHessian } from '../../../../lib/numeric-hessian';
import { createRandom } from '../../../../lib/seeded-random';
import { invertMatrix } from '../../../../lib/small-matrix';
import { fitBgNbd } from './bgnbd-fit';
import { createBgNbdLikelihood } from './bgnbd-likelihood';
import {
  computeBgNbdAliveProbability,
  computeBgNbdAliveProbabilityOne,
  predictBgNbdPurchases,
  predictBgNbdPurchasesOne,
} from './bgnbd-score';
import { readCdnowSample } from './cdnow-fixture';
import { summarizePurchases } from './summarize';
import type { BgNbdParams } from './types';

/** Relative agreement to three significant digits. */
function expectSignificant(actual: number, published: number, digits = 3): void {
  expect(Number(actual.toPrecision(digits))).toBe(published);
}

const LN7_TIMES_SUM_X = 2457 * Math.log(7);

describe('BG/NBD on the CDNOW sample (calibration to 1997-09-30)', () => {
  const purchases = readCdnowSample();
  const weeks = summarizePurchases(purchases, { until: '1997-09-30' });
  const fit = fitBgNbd(weeks);

  it('reproduces Fader, Hardie & Lee (2005) in weeks', () => {
    expect(fit.converged).toBe(true);
    expectSignificant(fit.params.r, 0.243);
    expectSignificant(fit.params.alpha, 4.41);
    expect(fit.params.alpha).toBeCloseTo(4.414, 3);
    expectSignificant(fit.params.a, 0.793);
    expectSignificant(fit.params.b, 2.43);
    expect(fit.params.b).toBeCloseTo(2.426, 3);
    expect(fit.logLik).toBeCloseTo(-9582.43, 1);
    expect(fit.customers).toBe(2357);
  });

  it('gives standard errors that agree with an independent second-difference Hessian', () => {
    const likelihood = createBgNbdLikelihood(weeks);
    const theta = [fit.params.r, fit.params.alpha, fit.params.a, fit.params.b];
    const H = computeNumericalHessian((p) => -likelihood.value(p), theta, 1e-3);
    const inv = invertMatrix(H, 4)!;
    const se = [fit.stdErr.r, fit.stdErr.alpha, fit.stdErr.a, fit.stdErr.b];
    se.forEach((v, i) => {
      expect(v).toBeGreaterThan(0);
      expect(v / Math.sqrt(inv[i * 4 + i])).toBeCloseTo(1, 2);
    });
    expect(fit.stdErr.r).toBeCloseTo(0.0126, 3);
    expect(fit.stdErr.alpha).toBeCloseTo(0.378, 2);
  });

  it('in days: alpha is multiplied by 7, r, a, b unchanged, logLik shifted by -(sum x) ln 7', () => {
    const days = summarizePurchases(purchases, { until: '1997-09-30', timeUnit: 'day' });
    const dayFit = fitBgNbd(days);
    expect(dayFit.converged).toBe(true);
    expect(dayFit.params.alpha / fit.params.alpha).toBeCloseTo(7, 4);
    expect(dayFit.params.alpha).toBeCloseTo(30.895, 2);
    expect(dayFit.params.r).toBeCloseTo(fit.params.r, 5);
    expect(dayFit.params.a).toBeCloseTo(fit.params.a, 4);
    expect(dayFit.params.b).toBeCloseTo(fit.params.b, 3);
    expect(dayFit.logLik - fit.logLik).toBeCloseTo(-4781.1, 1);
    expect(dayFit.logLik - fit.logLik).toBeCloseTo(-LN7_TIMES_SUM_X, 4);
    expect(dayFit.logLik).toBeCloseTo(-14363.53, 1);
  });

  it('has an analytic gradient that matches finite differences', () => {
    const likelihood = createBgNbdLikelihood(weeks);
    for (const theta of [
      [0.3, 5, 0.7, 2.1],
      [1.5, 0.8, 3, 0.4],
      [0.05, 40, 1, 1],
    ]) {
      const grad = new Float64Array(4);
      likelihood.valueAndGradient(theta, grad);
      theta.forEach((v, i) => {
        const h = 1e-6 * v;
        const up = [...theta];
        const down = [...theta];
        up[i] += h;
        down[i] -= h;
        const numeric = (likelihood.value(up) - likelihood.value(down)) / (2 * h);
        expect(Math.abs(grad[i] - numeric)).toBeLessThan(1e-4 * Math.max(1, Math.abs(numeric)));
      });
    }
  });

  it('predicts 1.226 purchases in 39 weeks for x = 2, tx = 30.43, T = 38.86 (the paper example)', () => {
    const p = fit.params;
    const value = predictBgNbdPurchasesOne(p, 2, 30.43, 38.86, 39);
    expect(value).toBeCloseTo(1.226, 3);
  });

  it('vectorised predictions equal the per-customer formulas', () => {
    const alive = computeBgNbdAliveProbability(fit.params, weeks);
    const expected = predictBgNbdPurchases(fit.params, weeks, 39);
    for (let i = 0; i < weeks.count; i += 7) {
      expect(alive[i]).toBe(computeBgNbdAliveProbabilityOne(fit.params, weeks.x[i], weeks.tx[i], weeks.T[i]));
      expect(expected[i]).toBeCloseTo(
        predictBgNbdPurchasesOne(fit.params, weeks.x[i], weeks.tx[i], weeks.T[i], 39),
        12,
      );
    }
  });
});

/** FHL (2005) eq. 10 written directly with the plain power series, for cross-checking. */
function predictDirect(p: BgNbdParams, x: number, tx: number, T: number, t: number): number {
  const { r, alpha, a, b } = p;
  const z = t / (alpha + T + t);
  const bracket =
    1 - ((alpha + T) / (alpha + T + t)) ** (r + x) * hyp2f1Series(r + x, b + x, a + b + x - 1, z);
  const alive = 1 + (x > 0 ? (a / (b + x - 1)) * ((alpha + T) / (alpha + tx)) ** (r + x) : 0);
  return ((a + b + x - 1) / (a - 1)) * (bracket / alive);
}

const paramsArb = fc.record({
  r: fc.double({ min: 0.05, max: 5, noNaN: true }),
  alpha: fc.double({ min: 0.1, max: 100, noNaN: true }),
  a: fc.double({ min: 0.05, max: 5, noNaN: true }),
  b: fc.double({ min: 0.2, max: 10, noNaN: true }),
});
const historyArb = fc
  .record({
    x: fc.integer({ min: 0, max: 60 }),
    T: fc.double({ min: 0, max: 100, noNaN: true }),
    share: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ x, T, share }) => ({ x, T, tx: x === 0 ? 0 : share * T }));

describe('BG/NBD predictions (properties)', () => {
  it('P(alive) is in [0, 1] and does not increase with longer inactivity', () => {
    fc.assert(
      fc.property(paramsArb, historyArb, fc.double({ min: 0, max: 100, noNaN: true }), (p, h, extra) => {
        const now = computeBgNbdAliveProbabilityOne(p, h.x, h.tx, h.T);
        const later = computeBgNbdAliveProbabilityOne(p, h.x, h.tx, h.T + extra);
        expect(now).toBeGreaterThanOrEqual(0);
        expect(now).toBeLessThanOrEqual(1);
        expect(later).toBeLessThanOrEqual(now + 1e-12);
        if (h.x === 0) expect(now).toBe(1);
      }),
    );
  });

  it('expected purchases are >= 0, 0 at horizon 0 and non-decreasing in the horizon', () => {
    fc.assert(
      fc.property(
        paramsArb,
        historyArb,
        fc.double({ min: 0, max: 50, noNaN: true }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        (p, h, t1, dt) => {
          const e1 = predictBgNbdPurchasesOne(p, h.x, h.tx, h.T, t1);
          const e2 = predictBgNbdPurchasesOne(p, h.x, h.tx, h.T, t1 + dt);
          expect(Number.isFinite(e1)).toBe(true);
          expect(e1).toBeGreaterThanOrEqual(0);
          expect(e2).toBeGreaterThanOrEqual(e1 - 1e-9 * Math.max(1, e1));
          expect(predictBgNbdPurchasesOne(p, h.x, h.tx, h.T, 0)).toBe(0);
        },
      ),
    );
  });

  it('agrees with the untransformed formula where that one is well conditioned', () => {
    fc.assert(
      fc.property(paramsArb, historyArb, fc.double({ min: 0.1, max: 50, noNaN: true }), (p, h, t) => {
        fc.pre(Math.abs(p.a - 1) > 0.05);
        fc.pre(t / (p.alpha + h.T + t) < 0.9);
        const ours = predictBgNbdPurchasesOne(p, h.x, h.tx, h.T, t);
        const direct = predictDirect(p, h.x, h.tx, h.T, t);
        expect(Math.abs(ours - direct)).toBeLessThan(1e-7 * Math.max(1, Math.abs(direct)));
      }),
    );
  });

  it('is continuous through a = 1, where the textbook formula divides 0 by 0', () => {
    const p = { r: 0.5, alpha: 5, a: 1, b: 2 };
    const at = predictBgNbdPurchasesOne(p, 3, 20, 30, 39);
    expect(Number.isFinite(at)).toBe(true);
    expect(predictBgNbdPurchasesOne({ ...p, a: 1 + 1e-7 }, 3, 20, 30, 39)).toBeCloseTo(at, 6);
    expect(predictBgNbdPurchasesOne({ ...p, a: 1 - 1e-7 }, 3, 20, 30, 39)).toBeCloseTo(at, 6);
  });
});

describe('BG/NBD parameter recovery on simulated histories', () => {
  it('recovers the parameters of the generating process within a few standard errors', () => {
    const truth = { r: 0.5, alpha: 4, a: 0.8, b: 2.5 };
    const rnd = createRandom(7);
    const n = 20_000;
    const x = new Float64Array(n);
    const tx = new Float64Array(n);
    const T = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      // Continuous-time BG/NBD: exponential gaps, dropout after each repeat purchase.
      const lambda = rnd.gamma(truth.r, 1 / truth.alpha);
      const p = rnd.beta(truth.a, truth.b);
      T[i] = 10 + 30 * rnd.next();
      let t = 0;
      for (;;) {
        t += rnd.exponential(lambda);
        if (t >= T[i]) break;
        x[i]++;
        tx[i] = t;
        if (rnd.next() < p) break;
      }
    }
    const fit = fitBgNbd({ x, tx, T });
    expect(fit.converged).toBe(true);
    for (const key of ['r', 'alpha', 'a', 'b'] as const) {
      const z = (fit.params[key] - truth[key]) / fit.stdErr[key];
      expect(Math.abs(z)).toBeLessThan(4);
    }
  });
});
