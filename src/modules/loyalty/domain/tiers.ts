import { formatDayNumber, toDayNumber } from '../../../lib/day-number';

/**
 * Tiers of the loyalty program: a customer's tier follows what they qualified with in a rolling
 * window — points earned (never the balance: spending points does not cost a tier) or money spent —
 * and the downgrade policy decides when a lower qualification takes effect.
 */
export const TIER_BASES = ['points_earned', 'spend'] as const;
export type TierBasis = (typeof TIER_BASES)[number];

/**
 * `none`: a tier once reached is kept; `period_end`: a customer whose qualification at the end of a
 * review period is below their tier drops to the tier they qualify for; `one_level`: as `period_end`,
 * but at most one level per period. Upgrades take effect at once under every policy.
 */
export const DOWNGRADE_POLICIES = ['none', 'period_end', 'one_level'] as const;
export type DowngradePolicy = (typeof DOWNGRADE_POLICIES)[number];

/** Review periods are calendar periods in the organization's time zone. */
export const REVIEW_PERIODS = ['month', 'quarter', 'year'] as const;
export type ReviewPeriod = (typeof REVIEW_PERIODS)[number];

export type TierSettings = {
  basis: TierBasis;
  windowDays: number;
  downgrade: DowngradePolicy;
  reviewPeriod: ReviewPeriod;
  downgradeNoticeDays: number;
  expiryNoticeDays: number;
};

export const DEFAULT_TIER_SETTINGS: TierSettings = {
  basis: 'points_earned',
  windowDays: 365,
  downgrade: 'period_end',
  reviewPeriod: 'year',
  downgradeNoticeDays: 14,
  expiryNoticeDays: 14,
};

/** A tier as the engine sees it: its code and the qualification it needs (points, or minor units spent). */
export type TierStep = { code: string; threshold: number };

/** Tiers from the lowest threshold to the highest. */
export const ladder = <T extends TierStep>(tiers: readonly T[]) =>
  [...tiers].sort((a, b) => a.threshold - b.threshold || a.code.localeCompare(b.code));

/** The highest tier whose threshold the qualification reaches; null below the lowest. */
export function tierFor(steps: readonly TierStep[], qualification: number): string | null {
  let found: string | null = null;
  for (const s of ladder(steps)) if (qualification >= s.threshold) found = s.code;
  return found;
}

/** Position on the ladder: −1 for no tier (or a tier that no longer exists), 0 for the lowest. */
export const rankOf = (steps: readonly TierStep[], code: string | null) =>
  code === null ? -1 : ladder(steps).findIndex((s) => s.code === code);

/** The first local day (days since 1970-01-01) of the review period holding local day `day`. */
export function periodStartDay(day: number, period: ReviewPeriod): number {
  const [y, m] = formatDayNumber(day).split('-').map(Number);
  const month = period === 'month' ? m : period === 'quarter' ? m - ((m - 1) % 3) : 1;
  return toDayNumber(y, month, 1);
}

/** The first local day of the period after the one starting at `start`. */
export function nextPeriodStartDay(start: number, period: ReviewPeriod): number {
  const [y, m] = formatDayNumber(start).split('-').map(Number);
  const months = period === 'month' ? 1 : period === 'quarter' ? 3 : 12;
  const index = y * 12 + (m - 1) + months;
  return toDayNumber(Math.floor(index / 12), (index % 12) + 1, 1);
}

export type TierHolding = { code: string | null; since: Date | null };

export type TierInputs = {
  steps: readonly TierStep[];
  policy: DowngradePolicy;
  current: TierHolding;
  /** The qualification over the window ending now. */
  qualificationNow: number;
  /** The start of the current review period (the latest period end). */
  boundary: Date;
  /** The qualification over the window ending at `boundary`. */
  qualificationAtBoundary: number;
};

export type TierDecision = { change: false } | { change: true; to: string | null; direction: 'up' | 'down' };

/**
 * What the customer's tier becomes now. Upgrades (and a first tier) take effect at once. A lower
 * qualification takes effect only at a period end the customer held their tier across (held since
 * before `boundary`), judged by what they qualified with at that end; `one_level` drops one step,
 * and nobody drops below what they qualify for now. A tier that was deleted counts as no tier.
 */
export function decideTier(x: TierInputs): TierDecision {
  const nowCode = tierFor(x.steps, x.qualificationNow);
  const rankNow = rankOf(x.steps, nowCode);
  const held = rankOf(x.steps, x.current.code);
  if (x.current.code !== null && held === -1) {
    // The tier was removed: the customer takes what they qualify for.
    return { change: true, to: nowCode, direction: 'down' };
  }
  if (rankNow > held) return { change: true, to: nowCode, direction: 'up' };
  if (x.policy === 'none' || held <= rankNow) return { change: false };
  if (!x.current.since || x.current.since >= x.boundary) return { change: false };
  const rankAtEnd = rankOf(x.steps, tierFor(x.steps, x.qualificationAtBoundary));
  if (rankAtEnd >= held) return { change: false };
  const target = Math.max(x.policy === 'one_level' ? held - 1 : rankAtEnd, rankAtEnd, rankNow);
  if (target >= held) return { change: false };
  const to = target < 0 ? null : ladder(x.steps)[target].code;
  return { change: true, to, direction: 'down' };
}

/**
 * Whether a downgrade is coming at the next period end (`nextBoundary`): the policy downgrades, the
 * customer will have held their tier across it, and what they qualify with now is below it. The
 * notice goes out `noticeDays` before that end; undefined when none is due.
 */
export function pendingDowngrade(x: {
  steps: readonly TierStep[];
  policy: DowngradePolicy;
  current: TierHolding;
  qualificationNow: number;
  now: Date;
  nextBoundary: Date;
  noticeDays: number;
}): { to: string | null; at: Date } | undefined {
  if (x.policy === 'none' || x.current.code === null) return undefined;
  const held = rankOf(x.steps, x.current.code);
  if (held < 0) return undefined;
  const rankNow = rankOf(x.steps, tierFor(x.steps, x.qualificationNow));
  if (rankNow >= held) return undefined;
  if (x.nextBoundary.getTime() - x.now.getTime() > x.noticeDays * DAY_MS) return undefined;
  const target = x.policy === 'one_level' ? held - 1 : rankNow;
  return { to: target < 0 ? null : ladder(x.steps)[target].code, at: x.nextBoundary };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** How far the customer is from the next tier: its code and what is still missing; null at the top. */
export function progressToNext(
  steps: readonly TierStep[],
  current: string | null,
  qualification: number,
): { code: string; threshold: number; missing: number } | null {
  const sorted = ladder(steps);
  const next = sorted[rankOf(steps, current) + 1];
  if (!next) return null;
  return { code: next.code, threshold: next.threshold, missing: Math.max(0, next.threshold - qualification) };
}
