// Per-customer value from a fit: P(alive), expected purchases over the horizon, expected
// spend, discounted CLV, cost to serve, profitability and tier. Pure: typed arrays in and out.
import { computeCostToServe, type ServiceHistory } from './cost-to-serve';
import { predictDiscountedPurchases, type TransactionModel } from './models/clv';
import { convertAnnualRate } from './models/discounting';
import type { FitReport } from './models/report';
import { type ScoreOptions, scoreCustomers } from './models/score';
import type { PurchaseSummary } from './models/summarize';
import { DAYS_PER_UNIT, type GammaGammaParams } from './models/types';
import { assignTiers } from './tier-rule';
import type { ValueSettings } from './value-settings';

const DAYS_PER_MONTH = 365.25 / 12;

export type ComputedScores = {
  model: TransactionModel['kind'];
  aliveProbability: Float64Array;
  expectedPurchases: Float64Array;
  /** Money in whole minor units. */
  expectedSpendMinor: Float64Array;
  clvMinor: Float64Array;
  costToServeMinor: Float64Array;
  profitabilityMinor: Float64Array;
  tiers: string[];
};

/** The transaction model the settings ask for, or the other one when it was not fitted. */
export function pickTransactionModel(
  report: FitReport,
  preferred: ValueSettings['model'],
): TransactionModel | null {
  const { bgnbd, paretoNbd } = report.models;
  if (preferred === 'paretoNbd' && paretoNbd) return { kind: 'paretoNbd', params: paretoNbd.params };
  if (bgnbd) return { kind: 'bgnbd', params: bgnbd.params };
  if (paretoNbd) return { kind: 'paretoNbd', params: paretoNbd.params };
  return null;
}

/** Horizon and monthly discounting in the fit's time unit. */
export function scoreOptionsOf(settings: ValueSettings, timeUnit: PurchaseSummary['timeUnit']): ScoreOptions {
  const month = DAYS_PER_MONTH / DAYS_PER_UNIT[timeUnit];
  return {
    horizon: settings.horizonMonths * month,
    clv: {
      periods: settings.horizonMonths,
      periodLength: month,
      discountRate: convertAnnualRate(settings.annualDiscountRate, 12),
      margin: settings.margin,
    },
  };
}

/** Gamma-Gamma with a finite mean (q > 1), else null. */
function usableSpendModel(report: FitReport): GammaGammaParams | null {
  const gg = report.models.gammaGamma;
  return gg && gg.params.q > 1 ? gg.params : null;
}

/** Mean observed spend per repeat purchase: the spend of everyone when no spend model is usable. */
function meanRepeatSpend(summary: PurchaseSummary): number {
  let total = 0;
  let count = 0;
  for (let i = 0; i < summary.count; i++) {
    if (summary.x[i] > 0) {
      total += summary.meanSpend[i];
      count++;
    }
  }
  return count ? total / count : 0;
}

const whole = (v: number) => (Number.isFinite(v) ? Math.round(v) : 0);

export function computeScores(
  summary: PurchaseSummary,
  model: TransactionModel,
  report: FitReport,
  settings: ValueSettings,
  history: ServiceHistory,
): ComputedScores {
  const options = scoreOptionsOf(settings, summary.timeUnit);
  const spendModel = usableSpendModel(report);
  const scores = scoreCustomers(summary, model, spendModel, options);
  if (!spendModel) {
    const discounted = predictDiscountedPurchases(model, summary, options.clv);
    scores.expectedSpend.fill(meanRepeatSpend(summary));
    for (let i = 0; i < summary.count; i++) {
      scores.clv[i] = settings.margin * scores.expectedSpend[i] * discounted[i];
    }
  }
  const n = summary.count;
  const cost = computeCostToServe(scores, history, settings);
  const out: ComputedScores = {
    model: model.kind,
    aliveProbability: scores.aliveProbability.map((p) =>
      Number.isFinite(p) ? Math.min(1, Math.max(0, p)) : 0,
    ),
    expectedPurchases: scores.expectedPurchases.map((v) => (Number.isFinite(v) ? v : 0)),
    expectedSpendMinor: scores.expectedSpend.map(whole),
    clvMinor: scores.clv.map(whole),
    costToServeMinor: cost.map(whole),
    profitabilityMinor: new Float64Array(n),
    tiers: [],
  };
  for (let i = 0; i < n; i++) out.profitabilityMinor[i] = out.clvMinor[i] - out.costToServeMinor[i];
  out.tiers = assignTiers(out.profitabilityMinor, settings.tierRule);
  return out;
}
