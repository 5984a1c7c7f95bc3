import { type RankedTerm, rankTerms } from './fightin-words';
import type { TermCounts } from './term-counts';

export interface DistinguishingTerms {
  terms: RankedTerm[];
  phrases: RankedTerm[];
}

export interface DistinguishingOptions {
  /** Longest list returned per side and kind. Default 20. */
  limit?: number;
  /** Only terms with |z| at least this. Default 1.96 (the two-sided 5% level). */
  minZ?: number;
  /** As in rankTerms; e.g. passives' counts too, for the prior. */
  background?: readonly TermCounts[];
  minCount?: number;
}

/**
 * What detractors talk about that promoters do not, and the other way round, for one language.
 * Each side is sorted by strength (z descending); promoters' z are given from their side (positive).
 */
export function distinguishDetractorsFromPromoters(
  detractors: TermCounts,
  promoters: TermCounts,
  options: DistinguishingOptions = {},
): { detractors: DistinguishingTerms; promoters: DistinguishingTerms } {
  const limit = options.limit ?? 20;
  const minZ = options.minZ ?? 1.96;
  const side = (focus: TermCounts, reference: TermCounts): DistinguishingTerms => {
    const pick = (kind: 'terms' | 'phrases') =>
      rankTerms(focus, reference, { kind, background: options.background, minCount: options.minCount })
        .filter((t) => t.zScore >= minZ)
        .slice(0, limit);
    return { terms: pick('terms'), phrases: pick('phrases') };
  };
  return { detractors: side(detractors, promoters), promoters: side(promoters, detractors) };
}
