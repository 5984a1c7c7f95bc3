// Public surface of the feedback metrics core: pure functions over answer counts.
export { computeCes } from './ces';
export { compareCes, compareCsat, compareNps } from './compare';
export { countAnswers, countsFromRows, type ValueCountRow } from './counts-from-rows';
export { computeCsat } from './csat';
export { computeDrivers, type Driver, type GroupCounts } from './drivers';
export { compareMetric, computeMetric } from './metric';
export { computeNps, npsClassOf } from './nps';
export {
  assertCounts,
  emptyCounts,
  type MetricKind,
  SCALES,
  type Scale,
  SMALL_SAMPLE_THRESHOLD,
} from './scales';
export type { CesResult, CsatResult, MetricResult, MetricResultBase, NpsResult, ScoreChange } from './types';
