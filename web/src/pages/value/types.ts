type Fit<P extends string> = {
  params: Record<P, number>;
  logLik: number;
  stdErr: Record<P, number | null>;
  converged: boolean;
  iterations: number;
  customers: number;
} | null;

type PerModel = { bgnbd?: number; paretoNbd?: number };

export type ValueReport = {
  fitId: number;
  fittedAt: string;
  currency: string;
  until: string;
  timeUnit: 'week' | 'day';
  customers: number;
  repeatCustomers: number;
  models: {
    bgnbd: Fit<'r' | 'alpha' | 'a' | 'b'>;
    paretoNbd: Fit<'r' | 'alpha' | 's' | 'beta'>;
    gammaGamma: Fit<'p' | 'q' | 'gamma'>;
  };
  holdout?: {
    from: string;
    until: string;
    customers: number;
    actualTotal: number;
    predictedTotal: PerModel;
    groups: { frequency: string; customers: number; actual: number; predicted: PerModel }[];
    aggregateErrorPercent: PerModel;
  };
  warnings: string[];
};

export type ValueDistribution = {
  currency: string;
  customers: number;
  scoredAt: string | null;
  clv: { meanMinor: number; p50Minor: number; p90Minor: number; p99Minor: number; maxMinor: number };
  histogram: { fromMinor: number; toMinor: number; customers: number }[];
  tiers: { tier: string; customers: number; share: number; clvMinor: number; profitabilityMinor: number }[];
};

export type CustomerValue = {
  externalId: string;
  aliveProbability: number;
  expectedPurchases: number;
  clvMinor: number;
  profitabilityMinor: number;
  tier: string;
};
