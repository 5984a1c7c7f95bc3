/** Digits after the decimal point of a currency's minor unit (EUR 2, JPY 0, KWD 3). */
const minorDigitsCache = new Map<string, number>();
export function minorDigits(currency: string): number {
  let digits = minorDigitsCache.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits as number;
    minorDigitsCache.set(currency, digits);
  }
  return digits;
}

/** Minor units of `from` to minor units of `to`, where one unit of `from` is worth `rate` units of `to`. */
export function convertMinor(amountMinor: number, from: string, to: string, rate: number): number {
  const shift = 10 ** (minorDigits(to) - minorDigits(from));
  return Math.round(amountMinor * rate * shift);
}

/** A currency's rates sorted by the instant they take effect. */
export type RateTimeline = { fromMs: number; rate: number; validFrom: string }[];

/** The rate in force at `atMs`: the latest one that took effect at or before it. */
export function rateAt(timeline: RateTimeline | undefined, atMs: number) {
  if (!timeline) return undefined;
  let lo = 0;
  let hi = timeline.length - 1;
  let found: RateTimeline[number] | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (timeline[mid].fromMs <= atMs) {
      found = timeline[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
