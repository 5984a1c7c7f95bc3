// Holdout check: models fitted on the calibration period predict each customer's repeat
// purchases in the holdout period; predictions and actual counts are compared per
// calibration frequency (0, 1, ..., 7+), as in Fader, Hardie & Lee (2005), figure 4.
import { formatDayNumber } from '../../../../lib/day-number';
import { predictBgNbdPurchases } from './bgnbd-score';
import { predictParetoNbdPurchases } from './pareto-nbd-score';
import type { PurchaseSummary } from './summarize';
import type { BgNbdParams, ParetoNbdParams } from './types';

export type HoldoutModel = 'bgnbd' | 'paretoNbd';

export interface HoldoutGroup {
  /** Calibration repeat purchases: '0', '1', ..., and the last group 'N+'. */
  frequency: string;
  customers: number;
  /** Mean actual holdout purchases per customer. */
  actual: number;
  /** Mean predicted holdout purchases per customer, per model. */
  predicted: Partial<Record<HoldoutModel, number>>;
  /** |predicted - actual| per model. */
  absoluteError: Partial<Record<HoldoutModel, number>>;
}

export interface HoldoutReport {
  /** First and last holdout day ('YYYY-MM-DD'), and the length in time units. */
  from: string;
  until: string;
  length: number;
  customers: number;
  actualTotal: number;
  predictedTotal: Partial<Record<HoldoutModel, number>>;
  groups: HoldoutGroup[];
  /** Mean over the frequency groups of |predicted mean - actual mean|. */
  meanAbsoluteError: Partial<Record<HoldoutModel, number>>;
  /** 100 · (predicted total - actual total) / actual total. */
  aggregateErrorPercent: Partial<Record<HoldoutModel, number>>;
}

export interface HoldoutModels {
  bgnbd?: BgNbdParams;
  paretoNbd?: ParetoNbdParams;
}

/** Compares predicted and actual holdout purchases; the summary must carry holdout counts. */
export function checkHoldout(
  summary: PurchaseSummary,
  models: HoldoutModels,
  maxFrequency = 7,
): HoldoutReport {
  const { holdoutX, holdoutLength, holdoutUntil } = summary;
  if (!holdoutX || holdoutLength === undefined || holdoutUntil === undefined) {
    throw new RangeError('summary: has no holdout period (holdoutUntil not given)');
  }
  const predictions: [HoldoutModel, Float64Array][] = [];
  if (models.bgnbd) predictions.push(['bgnbd', predictBgNbdPurchases(models.bgnbd, summary, holdoutLength)]);
  if (models.paretoNbd) {
    predictions.push(['paretoNbd', predictParetoNbdPurchases(models.paretoNbd, summary, holdoutLength)]);
  }
  const groupCount = maxFrequency + 1;
  const customers = new Float64Array(groupCount);
  const actual = new Float64Array(groupCount);
  const predicted = predictions.map(() => new Float64Array(groupCount));
  for (let i = 0; i < summary.count; i++) {
    const g = Math.min(summary.x[i], maxFrequency);
    customers[g]++;
    actual[g] += holdoutX[i];
    predictions.forEach(([, values], m) => {
      predicted[m][g] += values[i];
    });
  }
  const groups: HoldoutGroup[] = [];
  const errorSums = predictions.map(() => 0);
  for (let g = 0; g < groupCount; g++) {
    if (customers[g] === 0) continue;
    const group: HoldoutGroup = {
      frequency: g === maxFrequency ? `${g}+` : String(g),
      customers: customers[g],
      actual: actual[g] / customers[g],
      predicted: {},
      absoluteError: {},
    };
    predictions.forEach(([name], m) => {
      const mean = predicted[m][g] / customers[g];
      group.predicted[name] = mean;
      group.absoluteError[name] = Math.abs(mean - group.actual);
      errorSums[m] += group.absoluteError[name]!;
    });
    groups.push(group);
  }
  const actualTotal = actual.reduce((s, v) => s + v, 0);
  const report: HoldoutReport = {
    from: formatDayNumber(summary.until + 1),
    until: formatDayNumber(holdoutUntil),
    length: holdoutLength,
    customers: summary.count,
    actualTotal,
    predictedTotal: {},
    groups,
    meanAbsoluteError: {},
    aggregateErrorPercent: {},
  };
  predictions.forEach(([name], m) => {
    const total = predicted[m].reduce((s, v) => s + v, 0);
    report.predictedTotal[name] = total;
    report.meanAbsoluteError[name] = groups.length > 0 ? errorSums[m] / groups.length : 0;
    report.aggregateErrorPercent[name] = actualTotal > 0 ? (100 * (total - actualTotal)) / actualTotal : 0;
  });
  return report;
}
