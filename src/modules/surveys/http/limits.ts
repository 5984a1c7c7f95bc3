/** Limits of the public survey routes, with the reason for each. */
export const PUBLIC_LIMITS = {
  /** Per address: a person answers a few surveys a minute at most; more is a script. */
  responsesPerIpPerMinute: { max: 60, timeWindow: '1 minute' },
  /** Per address for pages and widget configuration: page loads, reloads, several tabs. */
  pagesPerIpPerMinute: { max: 300, timeWindow: '1 minute' },
  /** Per survey across addresses: a flood from many addresses cannot drown one survey's results. */
  responsesPerSurveyPerMinute: 600,
  /** Bodies of public writes: a survey's answers fit easily; anything larger is refused with 413. */
  bodyLimitBytes: 64 * 1024,
} as const;
