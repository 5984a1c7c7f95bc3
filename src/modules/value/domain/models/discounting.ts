// Discounting schedule for lifetime values: the future is cut into equal periods and the
// purchases expected in period k are discounted by (1 + d)^k (end-of-period convention).

export interface DiscountSchedule {
  /** Number of periods summed (e.g. 12 monthly periods for one year). */
  periods: number;
  /** Length of one period in the model's time unit (e.g. 52 / 12 weeks for a month). */
  periodLength: number;
  /** Discount rate per period, d >= 0 (0 = no discounting). */
  discountRate: number;
}

/** Per-period rate equivalent to an annual rate: (1 + annual)^(1 / periodsPerYear) - 1. */
export function convertAnnualRate(annualRate: number, periodsPerYear: number): number {
  return (1 + annualRate) ** (1 / periodsPerYear) - 1;
}

export function validateSchedule(schedule: DiscountSchedule): void {
  if (!(Number.isInteger(schedule.periods) && schedule.periods >= 1)) {
    throw new RangeError('periods: must be an integer >= 1');
  }
  if (!(schedule.periodLength > 0 && Number.isFinite(schedule.periodLength))) {
    throw new RangeError('periodLength: must be > 0');
  }
  if (!(schedule.discountRate > -1 && Number.isFinite(schedule.discountRate))) {
    throw new RangeError('discountRate: must be > -1');
  }
}

/**
 * Σ_k (h(kΔ) - h((k-1)Δ)) / (1 + d)^k for a cumulative curve h with h(0) = 0: the discounted
 * value of a unit-per-purchase stream whose expected cumulative purchases are h.
 */
export function sumDiscountedIncrements(h: (t: number) => number, schedule: DiscountSchedule): number {
  let total = 0;
  let previous = 0;
  let factor = 1;
  for (let k = 1; k <= schedule.periods; k++) {
    const current = h(k * schedule.periodLength);
    factor /= 1 + schedule.discountRate;
    total += (current - previous) * factor;
    previous = current;
  }
  return total;
}
