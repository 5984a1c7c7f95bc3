import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCdnowSample } from './cdnow-fixture';
import { fitGammaGamma } from './gamma-gamma-fit';
import { createGammaGammaLikelihood } from './gamma-gamma-likelihood';
import { predictGammaGammaSpend, predictGammaGammaSpendOne } from './gamma-gamma-score';
import { summarizePurchases } from './summarize';

function expectSignificant(actual: number, published: number, digits = 3): void {
  expect(Number(actual.toPrecision(digits))).toBe(published);
}

describe('Gamma-Gamma on the CDNOW sample (946 repeat buyers)', () => {
  const summary = summarizePurchases(readCdnowSample(), { until: '1997-09-30' });
  const fit = fitGammaGamma({ x: summary.x, meanSpend: summary.meanSpend });

  it('reproduces Fader, Hardie & Lee (2005), "RFM and CLV" (gamma in cents here)', () => {
    expect(fit.converged).toBe(true);
    expect(fit.customers).toBe(946);
    expectSignificant(fit.params.p, 6.25);
    expectSignificant(fit.params.q, 3.74);
    expectSignificant(fit.params.gamma / 100, 15.4);
    expect(fit.params.gamma / 100).toBeCloseTo(15.44, 2);
    for (const se of Object.values(fit.stdErr)) expect(se).toBeGreaterThan(0);
  });

  it('does not depend on the money unit except for gamma', () => {
    const dollars = Float64Array.from(summary.meanSpend, (v) => v / 100);
    const inDollars = fitGammaGamma({ x: summary.x, meanSpend: dollars });
    expect(inDollars.params.p).toBeCloseTo(fit.params.p, 3);
    expect(inDollars.params.q).toBeCloseTo(fit.params.q, 3);
    expect(inDollars.params.gamma * 100).toBeCloseTo(fit.params.gamma, 0);
    // Scaling z by 1/100 adds 946 · ln 100 to the log-density of the means.
    expect(inDollars.logLik - fit.logLik).toBeCloseTo(946 * Math.log(100), 4);
  });

  it('has an analytic gradient that matches finite differences', () => {
    const likelihood = createGammaGammaLikelihood({ x: summary.x, meanSpend: summary.meanSpend });
    const theta = [5, 3, 1400];
    const grad = new Float64Array(3);
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
  });

  it('predicts spend between the population mean and the customer mean', () => {
    const spend = predictGammaGammaSpend(fit.params, summary.x, summary.meanSpend);
    const population = (fit.params.p * fit.params.gamma) / (fit.params.q - 1);
    for (let i = 0; i < summary.count; i++) {
      if (summary.x[i] === 0) {
        expect(spend[i]).toBeCloseTo(population, 9);
        continue;
      }
      const lo = Math.min(population, summary.meanSpend[i]);
      const hi = Math.max(population, summary.meanSpend[i]);
      expect(spend[i]).toBeGreaterThanOrEqual(lo - 1e-9);
      expect(spend[i]).toBeLessThanOrEqual(hi + 1e-9);
    }
    // Customer 1: two repeat days averaging $22.345.
    expect(spend[0] / 100).toBeCloseTo(
      (fit.params.p * (fit.params.gamma / 100 + 2 * 22.345)) / (2 * fit.params.p + fit.params.q - 1),
      9,
    );
  });
});

describe('Gamma-Gamma expected spend (properties)', () => {
  it('moves towards the customer mean as x grows', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 20, noNaN: true }),
        fc.double({ min: 1.1, max: 20, noNaN: true }),
        fc.double({ min: 1, max: 1e5, noNaN: true }),
        fc.double({ min: 1, max: 1e5, noNaN: true }),
        fc.integer({ min: 1, max: 100 }),
        (p, q, gamma, zbar, x) => {
          const params = { p, q, gamma };
          const near = Math.abs(predictGammaGammaSpendOne(params, x + 1, zbar) - zbar);
          const far = Math.abs(predictGammaGammaSpendOne(params, x, zbar) - zbar);
          expect(near).toBeLessThanOrEqual(far * (1 + 1e-12) + 1e-9);
        },
      ),
    );
  });

  it('is undefined (NaN) when q <= 1, where the spend distribution has no mean', () => {
    expect(predictGammaGammaSpendOne({ p: 2, q: 0.9, gamma: 10 }, 3, 20)).toBeNaN();
  });
});
