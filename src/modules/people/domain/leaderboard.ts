/**
 * The location leaderboard: each location's score with its 95% interval, whether it meets its
 * target, and the ranks it could hold given the others' intervals.
 *
 * Higher is better for every metric (NPS, CSAT's top-2-box share, CES's "made it easy" mean).
 * - Target: 'met' when the whole interval is at or above it, 'missed' when the whole interval is
 *   below it, 'unclear' when the interval straddles it (or there is none to judge by).
 * - Rank: only locations with at least `minN` answers (the small-sample threshold) and an
 *   interval take part. Location A is surely above B when A's interval lies wholly above B's
 *   (A.lo > B.hi). A location's rank is the range {best, worst} it could take:
 *   best = 1 + the ranked locations surely above it, worst = the ranked locations − those surely
 *   below it. best = worst is a clear rank; best < worst means its interval overlaps others'.
 */

export type TargetStatus = 'met' | 'missed' | 'unclear';
export type Standing = 'ranked' | 'overlaps' | 'too_few' | 'withheld';
export type Interval = readonly [number, number];
export type RankRange = { best: number; worst: number };

export type BoardEntry = {
  id: string;
  score: number | null;
  n: number;
  ci95: Interval | null;
  /** Left out under the anonymity threshold. */
  withheld?: boolean;
};

export type Ranked = { rank: RankRange | null; standing: Standing };

/** Whether a score with this interval meets a target; null without a target or without answers. */
export function targetStatus(
  score: number | null,
  ci95: Interval | null,
  target: number | undefined | null,
): TargetStatus | null {
  if (target === undefined || target === null || score === null) return null;
  if (!ci95) return 'unclear';
  if (ci95[0] >= target) return 'met';
  if (ci95[1] < target) return 'missed';
  return 'unclear';
}

/** The rank range of each location by id (see the rule above). */
export function rankLocations(entries: readonly BoardEntry[], minN: number): Map<string, Ranked> {
  const eligible = entries.filter(
    (e): e is BoardEntry & { ci95: Interval; score: number } =>
      !e.withheld && e.n >= minN && e.ci95 !== null && e.score !== null,
  );
  const out = new Map<string, Ranked>();
  for (const e of entries) {
    if (e.withheld) out.set(e.id, { rank: null, standing: 'withheld' });
    else out.set(e.id, { rank: null, standing: 'too_few' });
  }
  for (const a of eligible) {
    let above = 0;
    let below = 0;
    for (const b of eligible) {
      if (b === a) continue;
      if (b.ci95[0] > a.ci95[1]) above++;
      else if (b.ci95[1] < a.ci95[0]) below++;
    }
    const rank = { best: 1 + above, worst: eligible.length - below };
    out.set(a.id, { rank, standing: rank.best === rank.worst ? 'ranked' : 'overlaps' });
  }
  return out;
}

/**
 * The board's order: ranked locations by best rank, then score; then the rest with answers by
 * score; then those without, in the order given.
 */
export function boardOrder<T extends BoardEntry & Ranked>(rows: readonly T[]): T[] {
  const score = (r: T) => r.score ?? Number.NEGATIVE_INFINITY;
  const group = (r: T) => (r.rank ? 0 : r.score !== null ? 1 : 2);
  return rows
    .map((r, i) => ({ r, i }))
    .sort(
      (x, y) =>
        group(x.r) - group(y.r) ||
        (x.r.rank && y.r.rank ? x.r.rank.best - y.r.rank.best : 0) ||
        score(y.r) - score(x.r) ||
        x.i - y.i,
    )
    .map((x) => x.r);
}
