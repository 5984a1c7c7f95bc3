/**
 * The breakdowns of feedback: API names → columns of the facts and the full roll-up.
 * Only these names ever reach SQL as identifiers.
 */
export const DIMENSION_COLUMNS = {
  survey: 'survey_id',
  touchpoint: 'touchpoint',
  channel: 'channel',
  locale: 'locale',
  lifecycleStage: 'stage',
  segment: 'segment',
  tier: 'tier',
  team: 'team',
  audience: 'audience',
  /** The location's id: groups are named by the location's name. */
  location: 'location',
} as const;

export type Dimension = keyof typeof DIMENSION_COLUMNS;
export type DimensionColumn = (typeof DIMENSION_COLUMNS)[Dimension];

export const DIMENSIONS = Object.keys(DIMENSION_COLUMNS) as Dimension[];

/** Calendar buckets, in the organization's time zone. */
export const TIME_GRAINS = ['day', 'week', 'month'] as const;
export type TimeGrain = (typeof TIME_GRAINS)[number];

export type GroupBy = TimeGrain | Dimension;
export const GROUP_BYS = [...TIME_GRAINS, ...DIMENSIONS] as GroupBy[];

export const isTimeGrain = (g: GroupBy | undefined): g is TimeGrain =>
  g !== undefined && (TIME_GRAINS as readonly string[]).includes(g);

/** Columns the small daily roll-up keeps besides day and value. */
export const DAILY_COLUMNS: ReadonlySet<DimensionColumn> = new Set(['survey_id', 'audience']);

export const AUDIENCES = ['customers', 'employees', 'internal'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** Audiences whose respondents are protected by the anonymity threshold: everyone but customers. */
export const OPEN_AUDIENCE: Audience = 'customers';

/** An equality filter on one dimension. */
export type DimensionFilter = { column: DimensionColumn; value: string };
