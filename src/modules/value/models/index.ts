// Public surface of the customer-value models: pure numerics over typed arrays, no I/O.
//
// Typical flow (what the value service does):
//   const summary = summarizePurchases(purchases, { until, timeUnit, holdoutUntil });
//   const report = buildFitReport(summary);                       // GET /api/v1/analytics/value
//   const scores = scoreCustomers(summary, { kind: 'bgnbd', params: report.models.bgnbd!.params },
//                                 report.models.gammaGamma?.params ?? null, { horizon, clv });

export { fitBgNbd } from './bgnbd-fit';
export { computeBgNbdLogLikelihood } from './bgnbd-likelihood';
export {
  computeBgNbdAliveProbability,
  computeBgNbdAliveProbabilityOne,
  predictBgNbdDiscountedPurchases,
  predictBgNbdPurchases,
  predictBgNbdPurchasesOne,
} from './bgnbd-score';
export {
  type ClvOptions,
  computeCustomerLifetimeValue,
  predictDiscountedPurchases,
  type TransactionModel,
} from './clv';
export { convertAnnualRate, type DiscountSchedule } from './discounting';
export type { FitOptions } from './fit-mle';
export { fitGammaGamma } from './gamma-gamma-fit';
export { computeGammaGammaLogLikelihood, type SpendData } from './gamma-gamma-likelihood';
export { predictGammaGammaSpend, predictGammaGammaSpendOne } from './gamma-gamma-score';
export { type GroupedRecencyFrequency, groupRecencyFrequency } from './group';
export { checkHoldout, type HoldoutGroup, type HoldoutModels, type HoldoutReport } from './holdout';
export { fitParetoNbd } from './pareto-nbd-fit';
export { computeParetoNbdLogLikelihood } from './pareto-nbd-likelihood';
export {
  computeParetoNbdAliveProbability,
  computeParetoNbdAliveProbabilityOne,
  predictParetoNbdDiscountedPurchases,
  predictParetoNbdPurchases,
  predictParetoNbdPurchasesOne,
} from './pareto-nbd-score';
export { type BuildFitReportOptions, buildFitReport, type FitReport, type ReportedFit } from './report';
export { type CustomerScores, type ScoreOptions, scoreCustomers } from './score';
export { type SimulationOptions, simulateBgNbdPurchases } from './simulate';
export {
  type PurchaseColumns,
  type PurchaseRecord,
  type PurchaseSummary,
  type SummarizeOptions,
  summarizePurchases,
  toPurchaseColumns,
} from './summarize';
export * from './types';
