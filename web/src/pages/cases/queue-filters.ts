import type { CaseViewFilters, ListCasesQuery } from '../../../../src/http/api-types';
import { OPEN_STATUSES } from '../../lib/domain';

/** The queue's filters in the URL: status, priority, owner, team, location, breached, sort. */
export const FILTER_KEYS = ['status', 'priority', 'owner', 'team', 'location', 'breached', 'sort'] as const;

const list = (v: string | null) => (v ? v.split(',').filter(Boolean) : undefined);

/** The list's query from the URL (the server refuses what it does not know). */
export function queryOf(search: URLSearchParams) {
  return {
    status: search.get('status') ?? OPEN_STATUSES.join(','),
    priority: search.get('priority') ?? undefined,
    owner: search.get('owner') ?? undefined,
    team: search.get('team') ?? undefined,
    location: search.get('location') ?? undefined,
    breached: (search.get('breached') ?? undefined) as ListCasesQuery['breached'],
    sort: (search.get('sort') === 'created' ? 'created' : 'due') as 'due' | 'created',
    limit: 50,
  } satisfies ListCasesQuery;
}

/** The URL's filters as a saved view keeps them. */
export function viewFiltersOf(search: URLSearchParams): CaseViewFilters {
  const filters: CaseViewFilters = {};
  const status = list(search.get('status'));
  const priority = list(search.get('priority'));
  if (status) filters.status = status as CaseViewFilters['status'];
  if (priority) filters.priority = priority as CaseViewFilters['priority'];
  if (search.get('owner')) filters.owner = search.get('owner')!;
  if (search.get('team')) filters.team = search.get('team')!;
  if (search.get('location')) filters.location = search.get('location')!;
  if (search.get('breached') === 'true') filters.breached = true;
  if (search.get('sort') === 'created') filters.sort = 'created';
  return filters;
}

/** A saved view's filters as URL values; every filter key is set, so the view replaces the current ones. */
export function searchOf(filters: Record<string, unknown>): Record<string, string | undefined> {
  const value = (v: unknown) =>
    Array.isArray(v) ? v.join(',') : v === true ? 'true' : typeof v === 'string' ? v : undefined;
  return Object.fromEntries(FILTER_KEYS.map((k) => [k, value(filters[k])]));
}
