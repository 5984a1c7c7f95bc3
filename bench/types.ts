/** One measured figure; `budget` is the target it must not exceed (or reach, for `higherIsBetter`). */
export type BenchResult = {
  name: string;
  value: number;
  unit: string;
  budget?: number;
  baseline?: number;
  note?: string;
  higherIsBetter?: boolean;
};
