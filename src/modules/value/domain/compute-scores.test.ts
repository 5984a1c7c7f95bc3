import { describe, expect, it } from 'vitest';
import { computeScores, pickTransactionModel, scoreOptionsOf } from './compute-scores';
import { computeBgNbdAliveProbability, predictBgNbdPurchases } from './models/bgnbd-score';
import { readCdnowSample } from './models/cdnow-fixture';
import { predictDiscountedPurchases } from './models/clv';
import { buildFitReport } from './models/report';
import { summarizePurchases } from './models/summarize';
import { DEFAULT_VALUE_SETTINGS } from './value-settings';

const summary = summarizePurchases(readCdnowSample(), { until: '1997-09-30' });
const report = buildFitReport(summary, { models: ['bgnbd', 'gammaGamma'] });
const none = new Float64Array(summary.count);
const noHistory = { contacts: none, caseHours: none, refundShare: none };

describe('customer scores from a fit', () => {
  it('turns the horizon in months into model time and discounts monthly', () => {
    // 12 months = 365.25 days = 52.18 weeks; 10% a year is (1.1)^(1/12) - 1 = 0.797% a month.
    const weeks = scoreOptionsOf({ ...DEFAULT_VALUE_SETTINGS, horizonMonths: 12 }, 'week');
    expect(weeks.horizon).toBeCloseTo(365.25 / 7, 10);
    expect(weeks.clv).toMatchObject({ periods: 12, margin: 1 });
    expect(weeks.clv.periodLength).toBeCloseTo(365.25 / 12 / 7, 10);
    expect(weeks.clv.discountRate).toBeCloseTo(0.00797414, 8);
    const days = scoreOptionsOf({ ...DEFAULT_VALUE_SETTINGS, horizonMonths: 6 }, 'day');
    expect(days.horizon).toBeCloseTo(182.625, 10);
  });

  it('composes P(alive), purchases, spend, margin, costs and tiers', () => {
    const settings = { ...DEFAULT_VALUE_SETTINGS, margin: 0.25, costPerOrderMinor: 100 };
    const model = pickTransactionModel(report, 'paretoNbd')!;
    // Pareto/NBD was not fitted: BG/NBD scores instead.
    expect(model.kind).toBe('bgnbd');
    const scores = computeScores(summary, model, report, settings, noHistory);
    const options = scoreOptionsOf(settings, 'week');
    const alive = computeBgNbdAliveProbability(report.models.bgnbd!.params, summary);
    const purchases = predictBgNbdPurchases(report.models.bgnbd!.params, summary, options.horizon);
    const discounted = predictDiscountedPurchases(model, summary, options.clv);
    for (const i of [0, 1, 2, 100, 1000, 2356]) {
      expect(scores.aliveProbability[i]).toBeCloseTo(alive[i], 12);
      expect(scores.expectedPurchases[i]).toBeCloseTo(purchases[i], 12);
      const spend = scores.expectedSpendMinor[i];
      expect(Number.isInteger(spend)).toBe(true);
      expect(Math.abs(scores.clvMinor[i] - 0.25 * discounted[i] * spend)).toBeLessThanOrEqual(
        0.5 + discounted[i],
      );
      expect(scores.costToServeMinor[i]).toBe(Math.round(100 * purchases[i]));
      expect(scores.profitabilityMinor[i]).toBe(scores.clvMinor[i] - scores.costToServeMinor[i]);
    }
    const premium = scores.tiers.filter((t) => t === 'premium').length;
    expect(premium).toBeGreaterThan(0);
    expect(premium).toBeLessThanOrEqual(0.1 * summary.count);
  });

  it('falls back to the mean repeat spend without a usable spend model', () => {
    const noSpend = { ...report, models: { ...report.models, gammaGamma: null } };
    const model = pickTransactionModel(noSpend, 'bgnbd')!;
    const scores = computeScores(summary, model, noSpend, DEFAULT_VALUE_SETTINGS, noHistory);
    let total = 0;
    let buyers = 0;
    for (let i = 0; i < summary.count; i++) {
      if (summary.x[i] > 0) {
        total += summary.meanSpend[i];
        buyers++;
      }
    }
    expect(new Set(scores.expectedSpendMinor)).toEqual(new Set([Math.round(total / buyers)]));
    expect(scores.clvMinor.every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
  });

  it('has nothing to score without a transaction model', () => {
    const empty = { ...report, models: { bgnbd: null, paretoNbd: null, gammaGamma: null } };
    expect(pickTransactionModel(empty, 'bgnbd')).toBeNull();
  });
});
