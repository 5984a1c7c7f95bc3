import { createRandom } from '../../src/lib/seeded-random';

/**
 * Generated customers for the perk analysis, with selection on observables: a customer's activity u
 * (uniform 0–1) sets how often they buy (0.5 to 3 purchases a month, a Poisson process, 1000–1500 minor
 * units each) and how likely they are to get the perk (logistic in u: about 8% at u = 0, 62% at u = 1).
 * The treated get it once on a day of the period; when `extraPurchases` is planted they buy that many
 * more times (1500 each) 10 to 19 days after it — the perk's true effect: +extra purchases, +1500 × extra
 * revenue in the window. The most active buy most anyway, so a naive comparison of those who got the
 * perk with those who did not credits it with their habits; matching on the window before does not.
 */
export interface PerkWorldOptions {
  seed: number;
  customers: number;
  /** Local day numbers: purchases from `start` to `end`, grants in [periodFrom, periodTo]. */
  start: number;
  end: number;
  periodFrom: number;
  periodTo: number;
  extraPurchases: number;
}

export interface WorldCustomer {
  externalId: string;
  purchases: { day: number; amountMinor: number }[];
  grantDay: number | null;
}

export const EXTRA_AMOUNT = 1500;

export function perkWorld(o: PerkWorldOptions): WorldCustomer[] {
  const random = createRandom(o.seed);
  const out: WorldCustomer[] = [];
  for (let i = 0; i < o.customers; i++) {
    const u = random.next();
    const perDay = (0.5 + 2.5 * u) / 30;
    const amount = Math.round(1000 + 500 * u);
    const purchases: { day: number; amountMinor: number }[] = [];
    for (let t = o.start + random.exponential(perDay); t <= o.end; t += random.exponential(perDay)) {
      purchases.push({ day: Math.floor(t), amountMinor: amount });
    }
    const treated = random.next() < 1 / (1 + Math.exp(-(-2.5 + 3 * u)));
    const grantDay = treated
      ? o.periodFrom + Math.floor(random.next() * (o.periodTo - o.periodFrom + 1))
      : null;
    if (grantDay !== null) {
      for (let k = 0; k < o.extraPurchases; k++) {
        purchases.push({ day: grantDay + 10 + Math.floor(random.next() * 10), amountMinor: EXTRA_AMOUNT });
      }
    }
    purchases.sort((a, b) => a.day - b.day);
    out.push({ externalId: `c${String(i).padStart(4, '0')}`, purchases, grantDay });
  }
  return out;
}
