// Service tiers from profitability: a customer gets the first tier (highest `min` first) whose
// threshold it reaches, else the default tier. Thresholds are percentile ranks (0–100) among the
// scored customers, or amounts of profitability in minor units of the base currency.

export type TierRule = {
  by: 'percentile' | 'profitability';
  defaultTier: string;
  tiers: { tier: string; min: number }[];
};

/** Top 10% premium, the next 20% priority, everyone else standard. */
export const DEFAULT_TIER_RULE: TierRule = {
  by: 'percentile',
  defaultTier: 'standard',
  tiers: [
    { tier: 'premium', min: 90 },
    { tier: 'priority', min: 70 },
  ],
};

/**
 * Percentile rank of each value: 100 × (how many values are strictly lower) / n. Equal values
 * share a rank, so equal customers share a tier.
 */
export function rankPercentiles(values: Float64Array): Float64Array {
  const n = values.length;
  const sorted = Float64Array.from(values).sort();
  const ranks = new Float64Array(n);
  for (let i = 0; i < n; i++) ranks[i] = (100 * lowerBound(sorted, values[i])) / n;
  return ranks;
}

/** Index of the first element of `sorted` not below `value`. */
function lowerBound(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The tier of every customer, given each one's profitability (minor units). */
export function assignTiers(profitability: Float64Array, rule: TierRule): string[] {
  const measure = rule.by === 'percentile' ? rankPercentiles(profitability) : profitability;
  const tiers = [...rule.tiers].sort((a, b) => b.min - a.min);
  const out = new Array<string>(profitability.length);
  for (let i = 0; i < measure.length; i++) {
    const v = measure[i];
    out[i] = tiers.find((t) => v >= t.min)?.tier ?? rule.defaultTier;
  }
  return out;
}
