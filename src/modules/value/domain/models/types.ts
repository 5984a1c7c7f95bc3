// Shared shapes of the customer-value models: recency/frequency data, parameters, fits.

/** Unit of all model times (t_x, T, horizons); the day unit multiplies alpha and beta by 7. */
export type TimeUnit = 'week' | 'day';

export const DAYS_PER_UNIT: Readonly<Record<TimeUnit, number>> = { week: 7, day: 1 };

/**
 * Recency/frequency per customer (or per distinct tuple): x = repeat purchase days,
 * tx = time from first to last purchase (0 when x = 0), T = time from first purchase to the
 * calibration end. Same index = same customer.
 */
export interface RecencyFrequency {
  x: ArrayLike<number>;
  tx: ArrayLike<number>;
  T: ArrayLike<number>;
}

/** Recency/frequency with a weight (number of customers) per row. */
export interface WeightedRecencyFrequency extends RecencyFrequency {
  weight: ArrayLike<number>;
}

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

export interface ParetoNbdParams {
  r: number;
  alpha: number;
  s: number;
  beta: number;
}

/** Gamma-Gamma spend model; gamma is in the money unit of the spend data (minor units here). */
export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

export type StdErr<P> = { [K in keyof P]: number };

/** A maximum-likelihood fit. */
export interface ModelFit<P> {
  params: P;
  /** Log-likelihood at params (sum over customers). */
  logLik: number;
  /** Standard errors from the inverse Hessian of -logLik at the parameter scale; NaN if singular. */
  stdErr: StdErr<P>;
  converged: boolean;
  iterations: number;
  /** Log-likelihood evaluations, for diagnostics. */
  evaluations: number;
  /** Number of customers the fit used (sum of weights). */
  customers: number;
}
