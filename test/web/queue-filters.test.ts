import { describe, expect, it } from 'vitest';
import { queryOf, searchOf, viewFiltersOf } from '../../web/src/pages/cases/queue-filters';

describe('the queue’s filters and saved views', () => {
  it('keep every filter of the URL in a view and give it back to the URL', () => {
    const url = new URLSearchParams(
      'status=new,in_progress&priority=urgent&owner=me&team=5b0e3f8c-1d2a-4c3b-9e4f-0a1b2c3d4e5f&location=6c1f4a9d-2e3b-4d4c-8f5a-1b2c3d4e5f60&breached=true&sort=created',
    );
    const filters = viewFiltersOf(url);
    expect(filters).toEqual({
      status: ['new', 'in_progress'],
      priority: ['urgent'],
      owner: 'me',
      team: '5b0e3f8c-1d2a-4c3b-9e4f-0a1b2c3d4e5f',
      location: '6c1f4a9d-2e3b-4d4c-8f5a-1b2c3d4e5f60',
      breached: true,
      sort: 'created',
    });
    expect(new URLSearchParams(searchOf(filters) as Record<string, string>).toString()).toBe(url.toString());
  });

  it('clear the filters a picked view does not set, and list open cases by deadline by default', () => {
    expect(searchOf({ priority: ['high'] })).toEqual({
      status: undefined,
      priority: 'high',
      owner: undefined,
      team: undefined,
      location: undefined,
      breached: undefined,
      sort: undefined,
    });
    expect(queryOf(new URLSearchParams())).toMatchObject({
      status: 'new,in_progress,waiting_customer',
      sort: 'due',
    });
  });
});
