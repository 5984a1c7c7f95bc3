/**
 * RFM: recency, frequency and monetary scores 1–5 and the named segment they map to.
 *
 * Scores are quintiles among the customers with at least one purchase, ranked in the database
 * with `percent_rank()`: score = min(5, 1 + floor(5 × percent_rank)). Ties share a score, so a
 * value held by many customers (one purchase, say) does not spread over several scores.
 * - R ranks the days since the last purchase, more days first: the most recent buyers get 5.
 * - F ranks the number of purchases; M ranks purchases minus refunds in the base currency.
 * With a single buyer every percent_rank is 0 and all three scores are 1.
 *
 * The segment is read from the grid below by R and FM = round-half-up((F + M) / 2):
 *
 * | R \ FM | 1              | 2                  | 3                  | 4     | 5               |
 * |--------|----------------|--------------------|--------------------|-------|-----------------|
 * | 5      | new            | potential_loyalist | potential_loyalist | loyal | champions       |
 * | 4      | promising      | potential_loyalist | potential_loyalist | loyal | champions       |
 * | 3      | about_to_sleep | about_to_sleep     | need_attention     | loyal | loyal           |
 * | 2      | hibernating    | hibernating        | at_risk            | at_risk | cant_lose_them |
 * | 1      | lost           | lost               | at_risk            | at_risk | cant_lose_them |
 *
 * docs/rfm.md explains each segment and what to do about it.
 */
export const RFM_SEGMENTS = [
  'champions',
  'loyal',
  'potential_loyalist',
  'new',
  'promising',
  'need_attention',
  'about_to_sleep',
  'at_risk',
  'cant_lose_them',
  'hibernating',
  'lost',
] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

/** Rows R = 1..5, columns FM = 1..5. */
const GRID: readonly (readonly RfmSegment[])[] = [
  ['lost', 'lost', 'at_risk', 'at_risk', 'cant_lose_them'],
  ['hibernating', 'hibernating', 'at_risk', 'at_risk', 'cant_lose_them'],
  ['about_to_sleep', 'about_to_sleep', 'need_attention', 'loyal', 'loyal'],
  ['promising', 'potential_loyalist', 'potential_loyalist', 'loyal', 'champions'],
  ['new', 'potential_loyalist', 'potential_loyalist', 'loyal', 'champions'],
];

/** FM as the database computes it: integer (F + M + 1) / 2. */
export const combineFm = (f: number, m: number) => Math.floor((f + m + 1) / 2);

export const segmentOf = (r: number, f: number, m: number): RfmSegment => GRID[r - 1][combineFm(f, m) - 1];

/** The grid flattened for SQL: element (r - 1) * 5 + fm of a 1-based text[]. */
export const SEGMENT_GRID_SQL: string[] = GRID.flat();
