import { rankTerms, type TermKind } from './fightin-words';
import type { TermCounts } from './term-counts';

/** A word (or phrase) one side mentions, with how sure we are that it sets that side apart. */
export interface SideTerm {
  key: string;
  label: string;
  /** Answers of this side that mention it. */
  count: number;
  /** Answers of the other side that mention it. */
  otherCount: number;
  /** z of the weighted log-odds ratio; null when the other side has no answers to compare with. */
  zScore: number | null;
  logOddsRatio: number | null;
  /** Whether z reaches the cut: the word is typical of this side beyond chance. */
  significant: boolean;
}

export interface SideTermsOptions {
  kind?: TermKind;
  /** Longest list returned. Default 20. */
  limit?: number;
  /** z at which a term counts as significant. Default 1.96 (two-sided 5%). */
  minZ?: number;
  /** As in rankTerms: e.g. passives' counts too, for the prior. */
  background?: readonly TermCounts[];
  /** Terms mentioned fewer times than this by both sides together are left out. Default 2. */
  minCount?: number;
}

/**
 * What one side talks about: the terms typical of it beyond chance first (by count), then its
 * most frequent other terms, each marked whether it is significant. A small sample shows its
 * words honestly unmarked instead of nothing at all.
 */
export function sideTerms(
  focus: TermCounts,
  reference: TermCounts,
  options: SideTermsOptions = {},
): SideTerm[] {
  const kind = options.kind ?? 'terms';
  const minZ = options.minZ ?? 1.96;
  const minCount = options.minCount ?? 2;
  const ranked = new Map(
    rankTerms(focus, reference, { kind, background: options.background, minCount }).map((r) => [r.key, r]),
  );
  const terms: SideTerm[] = [];
  for (const [key, stat] of focus[kind]) {
    const otherCount = reference[kind].get(key)?.count ?? 0;
    if (stat.count < 1 || stat.count + otherCount < minCount) continue;
    const r = ranked.get(key);
    terms.push({
      key,
      label: stat.label,
      count: stat.count,
      otherCount,
      zScore: r?.zScore ?? null,
      logOddsRatio: r?.logOddsRatio ?? null,
      significant: r !== undefined && r.zScore >= minZ,
    });
  }
  return terms
    .sort(
      (a, b) =>
        Number(b.significant) - Number(a.significant) ||
        b.count - a.count ||
        (b.zScore ?? 0) - (a.zScore ?? 0) ||
        (a.key < b.key ? -1 : 1),
    )
    .slice(0, options.limit ?? 20);
}
