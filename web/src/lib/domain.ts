/** Enumerations of the public API (DESIGN.md §1), in the order the dashboard lists them. */
export const STAGES = ['potential', 'visitor', 'buyer', 'regular', 'loyal', 'lost'] as const;
export const SEGMENTS = [
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
export const CASE_STATUSES = ['new', 'in_progress', 'waiting', 'resolved', 'closed'] as const;
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
