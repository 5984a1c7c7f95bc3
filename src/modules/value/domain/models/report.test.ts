import { describe, expect, it } from 'vitest';
import { predictBgNbdPurchasesOne } from './bgnbd-score';
import { readCdnowSample } from './cdnow-fixture';
import { checkHoldout } from './holdout';
import { predictParetoNbdPurchasesOne } from './pareto-nbd-score';
import { buildFitReport } from './report';
import { summarizePurchases } from './summarize';

describe('fit report with holdout check on the CDNOW sample', () => {
  const purchases = readCdnowSample();
  const summary = summarizePurchases(purchases, { until: '1997-09-30', holdoutUntil: '1998-06-30' });
  const report = buildFitReport(summary);

  it('has the shape of GET /api/v1/analytics/value', () => {
    expect(report.until).toBe('1997-09-30');
    expect(report.timeUnit).toBe('week');
    expect(report.customers).toBe(2357);
    expect(report.repeatCustomers).toBe(946);
    expect(report.warnings).toEqual([]);
    const { bgnbd, paretoNbd, gammaGamma } = report.models;
    expect(Object.keys(bgnbd!.params)).toEqual(['r', 'alpha', 'a', 'b']);
    expect(Object.keys(paretoNbd!.params)).toEqual(['r', 'alpha', 's', 'beta']);
    expect(Object.keys(gammaGamma!.params)).toEqual(['p', 'q', 'gamma']);
    expect(bgnbd!.logLik).toBeCloseTo(-9582.4, 1);
    expect(paretoNbd!.logLik).toBeCloseTo(-9595.0, 1);
    for (const fit of [bgnbd!, paretoNbd!, gammaGamma!]) {
      expect(fit.converged).toBe(true);
      expect(fit.iterations).toBeGreaterThan(0);
      for (const se of Object.values(fit.stdErr)) expect(se).toBeGreaterThan(0);
    }
    // Plain JSON: survives a round trip unchanged.
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('compares predicted and actual holdout purchases per calibration frequency', () => {
    const holdout = report.holdout!;
    expect(holdout.from).toBe('1997-10-01');
    expect(holdout.until).toBe('1998-06-30');
    expect(holdout.length).toBe(39);
    expect(holdout.actualTotal).toBe(1882);
    expect(holdout.groups.map((g) => g.frequency)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7+']);
    expect(holdout.groups.map((g) => g.customers)).toEqual([1411, 439, 214, 100, 62, 38, 29, 64]);
    for (const model of ['bgnbd', 'paretoNbd'] as const) {
      const means = holdout.groups.map((g) => g.predicted[model]!);
      // More calibration purchases, more predicted holdout purchases.
      for (let k = 1; k < means.length; k++) expect(means[k]).toBeGreaterThan(means[k - 1]);
      // Both models undershoot the 1,882 holdout purchase days by roughly 12%.
      expect(holdout.aggregateErrorPercent[model]!).toBeGreaterThan(-15);
      expect(holdout.aggregateErrorPercent[model]!).toBeLessThan(-8);
      expect(holdout.meanAbsoluteError[model]!).toBeLessThan(0.3);
    }
    expect(holdout.predictedTotal.bgnbd!).toBeCloseTo(1653.4, 0);
    expect(holdout.predictedTotal.paretoNbd!).toBeCloseTo(1665.5, 0);
    // Group means of the actual counts, from the raw data.
    expect(holdout.groups[0].actual).toBeCloseTo(334 / 1411, 12);
    expect(holdout.groups[7].actual).toBeCloseTo(407 / 64, 12);
  });

  it('sums per-customer predictions (independently of the vectorised path)', () => {
    const bg = report.models.bgnbd!.params;
    const pn = report.models.paretoNbd!.params;
    let bgTotal = 0;
    let pnTotal = 0;
    for (let i = 0; i < summary.count; i++) {
      bgTotal += predictBgNbdPurchasesOne(bg, summary.x[i], summary.tx[i], summary.T[i], 39);
      pnTotal += predictParetoNbdPurchasesOne(pn, summary.x[i], summary.tx[i], summary.T[i], 39);
    }
    expect(report.holdout!.predictedTotal.bgnbd!).toBeCloseTo(bgTotal, 6);
    expect(report.holdout!.predictedTotal.paretoNbd!).toBeCloseTo(pnTotal, 6);
  });

  it('is the same in days, with a 273-day holdout', () => {
    const days = summarizePurchases(purchases, {
      until: '1997-09-30',
      holdoutUntil: '1998-06-30',
      timeUnit: 'day',
    });
    const dayReport = buildFitReport(days, { models: ['bgnbd'] });
    expect(dayReport.timeUnit).toBe('day');
    expect(dayReport.models.paretoNbd).toBeNull();
    expect(dayReport.models.gammaGamma).toBeNull();
    expect(dayReport.holdout!.length).toBe(273);
    expect(dayReport.holdout!.predictedTotal.bgnbd!).toBeCloseTo(report.holdout!.predictedTotal.bgnbd!, 1);
  });

  it('refuses a holdout check without holdout data', () => {
    const noHoldout = summarizePurchases(purchases, { until: '1997-09-30' });
    expect(() => checkHoldout(noHoldout, { bgnbd: report.models.bgnbd!.params })).toThrow(/holdout/);
    expect(buildFitReport(noHoldout, { models: ['gammaGamma'] }).holdout).toBeUndefined();
  });

  it('keeps degenerate samples finite and does not call them converged', () => {
    // Two customers buying every day: no heterogeneity, estimates run off to the bounds.
    const n = 200;
    const heavy = summarizePurchases(
      {
        customer: Array.from({ length: n }, (_, i) => i % 2),
        day: Array.from({ length: n }, (_, i) => Math.floor(i / 2)),
        amount: Array.from({ length: n }, () => 500),
      },
      { until: 120, timeUnit: 'day' },
    );
    const degenerate = buildFitReport(heavy);
    for (const fit of Object.values(degenerate.models)) {
      expect(Number.isFinite(fit!.logLik)).toBe(true);
    }
    expect(degenerate.models.bgnbd!.converged).toBe(false);
    expect(degenerate.warnings).toContain('bgnbd.notConverged');
  });

  it('reports instead of failing when nobody bought twice', () => {
    const once = summarizePurchases(
      { customer: [0, 1, 2], day: [10, 11, 12], amount: [100, 200, 300] },
      { until: 20, timeUnit: 'day' },
    );
    const empty = buildFitReport(once);
    expect(empty.models).toEqual({ bgnbd: null, paretoNbd: null, gammaGamma: null });
    expect(empty.warnings).toEqual(['noRepeatBuyers']);
  });
});
