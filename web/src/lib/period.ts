import { setSearch, useLocation } from './router';

/** YYYY-MM-DD of a date in UTC. */
export const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export function daysAgo(days: number, from = new Date()): string {
  return isoDay(new Date(from.getTime() - days * 86_400_000));
}

/** The period of a page, in the URL (`?from=&to=`), with a default span in days. */
export function usePeriod(defaultDays: number) {
  const { search } = useLocation();
  const from = search.get('from') ?? daysAgo(defaultDays);
  const to = search.get('to') ?? isoDay(new Date());
  return { from, to, set: (p: { from?: string; to?: string }) => setSearch(p) };
}

/** The start of a day as an ISO date-time (APIs that want instants). */
export const startOfDay = (day: string) => `${day}T00:00:00Z`;
export const endOfDay = (day: string) => `${day}T23:59:59Z`;
