import type { TermCounts, TermStat } from './term-counts';

export type TermKind = 'terms' | 'phrases';

export interface RankedTerm {
  key: string;
  label: string;
  /** z-score of the log-odds ratio: positive means typical of the focus class, negative of the reference. */
  zScore: number;
  /** Prior-smoothed log-odds ratio δ (focus vs reference). */
  logOddsRatio: number;
  /** Answers of the focus class that mention it. */
  focusCount: number;
  /** Answers of the reference class that mention it. */
  referenceCount: number;
}

export interface RankOptions {
  /** Rank single words ('terms', the default) or two-word phrases. */
  kind?: TermKind;
  /**
   * Background counts that set the prior's mean frequencies, e.g. all answers of the language
   * including passives. Default: focus and reference pooled.
   */
  background?: readonly TermCounts[];
  /** Prior strength α₀ (pseudo-counts in total). Default: the background's total count. */
  priorStrength?: number;
  /** Skip terms mentioned fewer times than this in focus and reference together. Default 2. */
  minCount?: number;
}

// Pseudo-count given to a term missing from the background, so that every α_w is positive.
const MISSING_BACKGROUND = 0.01;

function total(map: ReadonlyMap<string, TermStat>): number {
  let n = 0;
  for (const s of map.values()) n += s.count;
  return n;
}

/**
 * Rank terms by how much they distinguish a focus class from a reference class: the weighted
 * log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008, "Fightin'
 * Words"):
 *
 *   α_w = α₀·b_w/B                                                       (prior from background b)
 *   δ_w = ln[(y_w + α_w)/(n + α₀ − y_w − α_w)] − ln[(r_w + α_w)/(m + α₀ − r_w − α_w)]
 *   σ²_w ≈ 1/(y_w + α_w) + 1/(r_w + α_w),     z_w = δ_w/σ_w
 *
 * where y, n are the focus counts and total, r, m the reference ones. The prior shrinks rare
 * words toward "no difference", so a word said twice does not outrank one said by hundreds, and
 * z accounts for how sure the estimate is. Sorted by z, most typical of the focus first.
 */
export function rankTerms(focus: TermCounts, reference: TermCounts, options: RankOptions = {}): RankedTerm[] {
  const kind = options.kind ?? 'terms';
  const minCount = options.minCount ?? 2;
  const y = focus[kind];
  const r = reference[kind];
  const n = total(y);
  const m = total(r);
  const background = options.background ? options.background.map((b) => b[kind]) : [y, r];
  const bCount = (key: string) => {
    let c = 0;
    for (const map of background) c += map.get(key)?.count ?? 0;
    return c;
  };
  const B = background.reduce((sum, map) => sum + total(map), 0);
  const alpha0 = options.priorStrength ?? B;
  if (n === 0 || m === 0 || B === 0 || !(alpha0 > 0)) return [];

  const ranked: RankedTerm[] = [];
  for (const key of new Set([...y.keys(), ...r.keys()])) {
    const yw = y.get(key)?.count ?? 0;
    const rw = r.get(key)?.count ?? 0;
    if (yw + rw < minCount) continue;
    const aw = (alpha0 * Math.max(bCount(key), MISSING_BACKGROUND)) / B;
    const delta = Math.log((yw + aw) / (n + alpha0 - yw - aw)) - Math.log((rw + aw) / (m + alpha0 - rw - aw));
    const variance = 1 / (yw + aw) + 1 / (rw + aw);
    const label = y.get(key)?.label ?? r.get(key)!.label;
    ranked.push({
      key,
      label,
      zScore: delta / Math.sqrt(variance),
      logOddsRatio: delta,
      focusCount: yw,
      referenceCount: rw,
    });
  }
  return ranked.sort((a, b) => b.zScore - a.zScore || (a.key < b.key ? -1 : 1));
}
