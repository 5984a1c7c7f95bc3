import { describe, expect, it } from 'vitest';
import { predictBgNbdPurchases, predictBgNbdPurchasesOne } from './bgnbd-score';
import { readCdnowSample } from './cdnow-fixture';
import { computeCustomerLifetimeValue, predictDiscountedPurchases } from './clv';
import { convertAnnualRate } from './discounting';
import { predictGammaGammaSpend } from './gamma-gamma-score';
import { predictParetoNbdPurchases, predictParetoNbdPurchasesOne } from './pareto-nbd-score';
import { scoreCustomers } from './score';
import { summarizePurchases } from './summarize';

// Published CDNOW estimates (weeks; gamma in cents).
const bgnbd = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const paretoNbd = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
const spend = { p: 6.25, q: 3.74, gamma: 1544 };

describe('discounted CLV', () => {
  const summary = summarizePurchases(readCdnowSample(), { until: '1997-09-30' });

  it('with one period and no discounting is expected purchases times expected spend', () => {
    const schedule = { periods: 1, periodLength: 52, discountRate: 0 };
    const clv = computeCustomerLifetimeValue({ kind: 'bgnbd', params: bgnbd }, spend, summary, schedule);
    const purchases = predictBgNbdPurchases(bgnbd, summary, 52);
    const perPurchase = predictGammaGammaSpend(spend, summary.x, summary.meanSpend);
    for (let i = 0; i < summary.count; i++) expect(clv[i]).toBeCloseTo(purchases[i] * perPurchase[i], 6);
    const pareto = predictDiscountedPurchases({ kind: 'paretoNbd', params: paretoNbd }, summary, schedule);
    const paretoPurchases = predictParetoNbdPurchases(paretoNbd, summary, 52);
    for (let i = 0; i < summary.count; i++) expect(pareto[i]).toBeCloseTo(paretoPurchases[i], 12);
  });

  it('sums discounted period increments of the per-customer expectation', () => {
    const schedule = { periods: 12, periodLength: 52 / 12, discountRate: convertAnnualRate(0.1, 12) };
    const bg = predictDiscountedPurchases({ kind: 'bgnbd', params: bgnbd }, summary, schedule);
    const pn = predictDiscountedPurchases({ kind: 'paretoNbd', params: paretoNbd }, summary, schedule);
    for (const i of [0, 1, 17, 500, 2356]) {
      let bgSum = 0;
      let pnSum = 0;
      for (let k = 1; k <= 12; k++) {
        const f = (1 + schedule.discountRate) ** -k;
        const [x, tx, T] = [summary.x[i], summary.tx[i], summary.T[i]];
        bgSum +=
          f *
          (predictBgNbdPurchasesOne(bgnbd, x, tx, T, (k * 52) / 12) -
            predictBgNbdPurchasesOne(bgnbd, x, tx, T, ((k - 1) * 52) / 12));
        pnSum +=
          f *
          (predictParetoNbdPurchasesOne(paretoNbd, x, tx, T, (k * 52) / 12) -
            predictParetoNbdPurchasesOne(paretoNbd, x, tx, T, ((k - 1) * 52) / 12));
      }
      expect(bg[i]).toBeCloseTo(bgSum, 10);
      expect(pn[i]).toBeCloseTo(pnSum, 10);
    }
  });

  it('falls with the discount rate and grows with the horizon', () => {
    const model = { kind: 'bgnbd', params: bgnbd } as const;
    const base = { periods: 12, periodLength: 52 / 12 };
    const none = computeCustomerLifetimeValue(model, spend, summary, { ...base, discountRate: 0 });
    const some = computeCustomerLifetimeValue(model, spend, summary, { ...base, discountRate: 0.01 });
    const longer = computeCustomerLifetimeValue(model, spend, summary, {
      ...base,
      periods: 24,
      discountRate: 0.01,
    });
    const margin = computeCustomerLifetimeValue(model, spend, summary, {
      ...base,
      discountRate: 0.01,
      margin: 0.3,
    });
    for (let i = 0; i < summary.count; i++) {
      expect(some[i]).toBeLessThan(none[i]);
      expect(longer[i]).toBeGreaterThan(some[i]);
      expect(margin[i]).toBeCloseTo(0.3 * some[i], 9);
    }
  });

  it('scores every customer in one call', () => {
    const scores = scoreCustomers(summary, { kind: 'bgnbd', params: bgnbd }, spend, {
      horizon: 39,
      clv: { periods: 12, periodLength: 52 / 12, discountRate: 0.01 },
    });
    expect(scores.aliveProbability).toHaveLength(2357);
    expect(scores.expectedPurchases[0]).toBeCloseTo(
      predictBgNbdPurchasesOne(bgnbd, 2, 30.428571, 38.857143, 39),
      5,
    );
    expect(scores.clv.every((v) => v > 0 && Number.isFinite(v))).toBe(true);
    const noSpend = scoreCustomers(summary, { kind: 'paretoNbd', params: paretoNbd }, null, {
      horizon: 39,
      clv: { periods: 1, periodLength: 39, discountRate: 0 },
    });
    expect(noSpend.clv.every(Number.isNaN)).toBe(true);
    expect(noSpend.expectedPurchases[0]).toBeGreaterThan(0);
  });

  it('rejects a bad schedule', () => {
    const model = { kind: 'bgnbd', params: bgnbd } as const;
    expect(() =>
      predictDiscountedPurchases(model, summary, { periods: 0, periodLength: 1, discountRate: 0 }),
    ).toThrow(/periods/);
    expect(() =>
      predictDiscountedPurchases(model, summary, { periods: 1, periodLength: 0, discountRate: 0 }),
    ).toThrow(/periodLength/);
  });

  it('converts annual rates to per-period rates', () => {
    expect((1 + convertAnnualRate(0.12, 12)) ** 12).toBeCloseTo(1.12, 12);
  });
});
