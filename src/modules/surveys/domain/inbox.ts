/**
 * The feedback inbox: every response of every survey in one list. Its score bands are the
 * metrics' own: NPS detractors 0–6, passives 7–8, promoters 9–10; CSAT satisfied 4–5 (top two
 * boxes); CES easy 5–7 (agreeing that the company made it easy).
 */
export const SCORE_BANDS = {
  detractor: { metric: 'nps', min: 0, max: 6 },
  passive: { metric: 'nps', min: 7, max: 8 },
  promoter: { metric: 'nps', min: 9, max: 10 },
  not_satisfied: { metric: 'csat', min: 1, max: 3 },
  satisfied: { metric: 'csat', min: 4, max: 5 },
  not_easy: { metric: 'ces', min: 1, max: 4 },
  easy: { metric: 'ces', min: 5, max: 7 },
} as const;
export type ScoreBand = keyof typeof SCORE_BANDS;
export const SCORE_BAND_NAMES = Object.keys(SCORE_BANDS) as ScoreBand[];

/** newest / oldest by answered time; score: the response's score on 0..1 of its scale (NPS, else CSAT, else CES). */
export const INBOX_SORTS = ['newest', 'oldest', 'score', '-score'] as const;
export type InboxSort = (typeof INBOX_SORTS)[number];
