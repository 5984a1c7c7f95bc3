/**
 * Which lots a spend takes from: those expiring soonest first (lots that never expire last),
 * older before newer among equals, skipping lots locked until a later time.
 */

/** A lot with points left, as a spend sees it. */
export type OpenLot = {
  id: string;
  remaining: number;
  earnedAt: Date;
  expiresAt: Date | null;
  lockedUntil: Date | null;
};

export type LotTake = { lotId: string; points: number };

/** The order lots are spent in: soonest expiry first, never-expiring last; then oldest; then id. */
export function spendOrder(a: OpenLot, b: OpenLot): number {
  const ea = a.expiresAt ? a.expiresAt.getTime() : Number.POSITIVE_INFINITY;
  const eb = b.expiresAt ? b.expiresAt.getTime() : Number.POSITIVE_INFINITY;
  if (ea !== eb) return ea < eb ? -1 : 1;
  const d = a.earnedAt.getTime() - b.earnedAt.getTime();
  if (d !== 0) return d;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A lot may be spent at `now` when it has points left, is not locked and has not expired. */
export const isSpendable = (lot: OpenLot, now: Date) =>
  lot.remaining > 0 &&
  (!lot.lockedUntil || lot.lockedUntil.getTime() <= now.getTime()) &&
  (!lot.expiresAt || lot.expiresAt.getTime() > now.getTime());

/**
 * Takes `points` from the lots in spend order (see spendOrder), only spendable ones unless
 * `includeLocked`; `short` is what they could not cover (0 when they did).
 */
export function allocate(
  lots: readonly OpenLot[],
  points: number,
  now: Date,
  { includeLocked = false } = {},
): { takes: LotTake[]; short: number } {
  const usable = lots
    .filter((l) =>
      includeLocked
        ? l.remaining > 0 && (!l.expiresAt || l.expiresAt.getTime() > now.getTime())
        : isSpendable(l, now),
    )
    .sort(spendOrder);
  const takes: LotTake[] = [];
  let left = points;
  for (const lot of usable) {
    if (left <= 0) break;
    const take = Math.min(lot.remaining, left);
    takes.push({ lotId: lot.id, points: take });
    left -= take;
  }
  return { takes, short: left };
}
