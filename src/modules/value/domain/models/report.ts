// The fit report served by GET /api/v1/analytics/value: every model fitted on one purchase
// summary, plus the holdout check when the summary has a holdout period. Plain JSON (no
// typed arrays; NaN standard errors become null).
import { formatDayNumber } from '../../../../lib/day-number';
import { fitBgNbd } from './bgnbd-fit';
import type { FitOptions } from './fit-mle';
import { fitGammaGamma } from './gamma-gamma-fit';
import { groupRecencyFrequency } from './group';
import { checkHoldout, type HoldoutReport } from './holdout';
import { fitParetoNbd } from './pareto-nbd-fit';
import type { PurchaseSummary } from './summarize';
import type { BgNbdParams, GammaGammaParams, ModelFit, ParetoNbdParams, TimeUnit } from './types';

export interface ReportedFit<P> {
  params: P;
  logLik: number;
  stdErr: { [K in keyof P]: number | null };
  converged: boolean;
  iterations: number;
  /** Customers the model was fitted on. */
  customers: number;
}

export interface FitReport {
  /** Calibration end, inclusive ('YYYY-MM-DD'). */
  until: string;
  timeUnit: TimeUnit;
  /** Customers with a purchase in the calibration period, and those with repeat purchases. */
  customers: number;
  repeatCustomers: number;
  /** Distinct (x, tx, T) tuples the frequency models were fitted on. */
  tuples: number;
  /** Money unit of Gamma-Gamma gamma and of predicted spend: minor units of the currency. */
  spendUnit: 'minor';
  models: {
    bgnbd: ReportedFit<BgNbdParams> | null;
    paretoNbd: ReportedFit<ParetoNbdParams> | null;
    gammaGamma: ReportedFit<GammaGammaParams> | null;
  };
  holdout?: HoldoutReport;
  /** Machine-readable notes, e.g. 'gammaGamma.noRepeatBuyers'. */
  warnings: string[];
  durationMs: number;
}

export interface BuildFitReportOptions extends FitOptions {
  /** Models to fit; default all three. */
  models?: readonly ('bgnbd' | 'paretoNbd' | 'gammaGamma')[];
}

function toReported<P>(fit: ModelFit<P>): ReportedFit<P> {
  const stdErr = {} as { [K in keyof P]: number | null };
  for (const key of Object.keys(fit.stdErr) as (keyof P)[]) {
    const v = fit.stdErr[key];
    stdErr[key] = Number.isFinite(v) ? v : null;
  }
  return {
    params: fit.params,
    logLik: fit.logLik,
    stdErr,
    converged: fit.converged,
    iterations: fit.iterations,
    customers: fit.customers,
  };
}

/** Fits the requested models on a summary and assembles the report. */
export function buildFitReport(summary: PurchaseSummary, options: BuildFitReportOptions = {}): FitReport {
  const started = performance.now();
  const wanted = new Set(options.models ?? ['bgnbd', 'paretoNbd', 'gammaGamma']);
  const warnings: string[] = [];
  const grouped = groupRecencyFrequency(summary);
  let repeatCustomers = 0;
  for (let i = 0; i < summary.count; i++) if (summary.x[i] > 0) repeatCustomers++;

  const models: FitReport['models'] = { bgnbd: null, paretoNbd: null, gammaGamma: null };
  if (summary.count === 0) {
    warnings.push('noCustomers');
  } else if (repeatCustomers === 0) {
    warnings.push('noRepeatBuyers');
  } else {
    const fitOptions: FitOptions = { maxIterations: options.maxIterations };
    if (wanted.has('bgnbd')) models.bgnbd = toReported(fitBgNbd(grouped, fitOptions));
    if (wanted.has('paretoNbd')) models.paretoNbd = toReported(fitParetoNbd(grouped, fitOptions));
    if (wanted.has('gammaGamma')) {
      models.gammaGamma = toReported(
        fitGammaGamma({ x: summary.x, meanSpend: summary.meanSpend }, fitOptions),
      );
      if (!(models.gammaGamma.params.q > 1)) warnings.push('gammaGamma.infiniteMeanSpend');
    }
    for (const [name, fit] of Object.entries(models))
      if (fit && !fit.converged) warnings.push(`${name}.notConverged`);
  }

  const report: FitReport = {
    until: formatDayNumber(summary.until),
    timeUnit: summary.timeUnit,
    customers: summary.count,
    repeatCustomers,
    tuples: grouped.count,
    spendUnit: 'minor',
    models,
    warnings,
    durationMs: 0,
  };
  if (summary.holdoutX && (models.bgnbd || models.paretoNbd)) {
    report.holdout = checkHoldout(summary, {
      bgnbd: models.bgnbd?.params,
      paretoNbd: models.paretoNbd?.params,
    });
  }
  report.durationMs = performance.now() - started;
  return report;
}
