/**
 * How many points an event earns under the program's rules. A purchase earns per major unit of
 * the base currency spent (`amount` rules), per unit or per major unit spent on lines of a
 * category or item (`category`, `item`), multiplied by the customer's tier (`tier_multiplier`)
 * and by campaigns running at the event's time (`campaign`: a multiplier and/or a bonus per
 * purchase). A referral event earns the `referral` rules' points. Multipliers multiply each
 * other; the bonus is added after them. Rounding: the exact figure is rounded down to a whole
 * point once per event.
 */
import type { EarnRuleKind } from './ledger-model';

export type EarnRule = {
  id: string;
  name: string;
  kind: EarnRuleKind;
  active: boolean;
  pointsPerUnit: number | null;
  pointsPerItem: number | null;
  points: number | null;
  multiplier: number | null;
  match: string | null;
  tierCode: string | null;
  validFrom: Date | null;
  validTo: Date | null;
};

/** A purchase line as events carry it in `data.items`. */
export type EarnLine = { sku?: unknown; category?: unknown; quantity?: unknown; priceMinor?: unknown };

export type EarnEvent = {
  type: string;
  occurredAt: Date;
  /** In the base currency's minor units. */
  amountMinor: number | null;
  items: readonly EarnLine[];
};

/** A rule is in force at `at` when active and within its dates (from inclusive, to exclusive). */
export const inForce = (rule: EarnRule, at: Date) =>
  rule.active &&
  (!rule.validFrom || rule.validFrom.getTime() <= at.getTime()) &&
  (!rule.validTo || at.getTime() < rule.validTo.getTime());

const num = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);
/** Tolerance for binary fractions (2.3 × 100 is 229.99999999999997): rounding down must not lose a point. */
const EPSILON = 1e-9;

export type EarnResult = { points: number; parts: string[] };

/**
 * The points `event` earns for a customer of tier `tierCode`; `minorDigits` are the base
 * currency's digits after the point (EUR 2). `parts` say how, for the entry's reason.
 */
export function pointsFor(
  rules: readonly EarnRule[],
  event: EarnEvent,
  tierCode: string | null,
  minorDigits: number,
): EarnResult {
  const live = rules.filter((r) => inForce(r, event.occurredAt));
  const parts: string[] = [];
  if (event.type === 'referral') {
    let points = 0;
    for (const r of live.filter((r) => r.kind === 'referral' && r.points)) {
      points += r.points ?? 0;
      parts.push(`${r.name}: ${r.points}`);
    }
    return { points, parts };
  }
  if (event.type !== 'purchase') return { points: 0, parts };
  const unit = 10 ** minorDigits;
  let base = 0;
  if (event.amountMinor !== null && event.amountMinor > 0) {
    for (const r of live.filter((r) => r.kind === 'amount' && r.pointsPerUnit)) {
      const p = (event.amountMinor / unit) * (r.pointsPerUnit ?? 0);
      base += p;
      parts.push(`${r.name}: ${round2(p)}`);
    }
  }
  const lines = event.items.map((l) => ({
    sku: typeof l.sku === 'string' ? l.sku : null,
    category: typeof l.category === 'string' ? l.category : null,
    quantity: Math.max(0, num(l.quantity, 1)),
    priceMinor: Math.max(0, num(l.priceMinor, 0)),
  }));
  // Lines count in the base currency: scaled by the event's amount over their total (1 when they agree).
  const lineTotal = lines.reduce((s, l) => s + l.priceMinor * l.quantity, 0);
  const scale =
    event.amountMinor !== null && event.amountMinor > 0 && lineTotal > 0 ? event.amountMinor / lineTotal : 1;
  for (const r of live.filter((r) => r.kind === 'category' || r.kind === 'item')) {
    const matching = lines.filter((l) => (r.kind === 'category' ? l.category : l.sku) === r.match);
    if (!matching.length) continue;
    let p = 0;
    for (const l of matching) {
      p +=
        ((l.priceMinor * l.quantity * scale) / unit) * (r.pointsPerUnit ?? 0) +
        l.quantity * (r.pointsPerItem ?? 0);
    }
    if (p > 0) {
      base += p;
      parts.push(`${r.name}: ${round2(p)}`);
    }
  }
  let multiplier = 1;
  for (const r of live.filter(
    (r) => r.kind === 'tier_multiplier' && r.multiplier && tierCode && r.tierCode === tierCode,
  )) {
    multiplier *= r.multiplier ?? 1;
    parts.push(`${r.name}: ×${r.multiplier}`);
  }
  let bonus = 0;
  for (const r of live.filter((r) => r.kind === 'campaign')) {
    if (r.multiplier && r.multiplier !== 1) {
      multiplier *= r.multiplier;
      parts.push(`${r.name}: ×${r.multiplier}`);
    }
    if (r.points) {
      bonus += r.points;
      parts.push(`${r.name}: +${r.points}`);
    }
  }
  const points = Math.floor(base * multiplier + bonus + EPSILON);
  return { points: Math.max(0, points), parts };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Digits after the point of a currency's minor unit (EUR 2, JPY 0, KWD 3). */
export function minorDigitsOf(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2
    );
  } catch {
    return 2;
  }
}

/**
 * The points a refund takes back of a purchase that earned `earned` on `purchaseMinor`: in
 * proportion to the refunded amount (rounded to the nearest point), all of them when either
 * amount is unknown, never more than `earned`.
 */
export function refundShare(
  earned: number,
  purchaseMinor: number | null,
  refundMinor: number | null,
): number {
  if (purchaseMinor === null || refundMinor === null || purchaseMinor <= 0) return earned;
  return Math.min(earned, Math.max(0, Math.round((earned * refundMinor) / purchaseMinor)));
}
