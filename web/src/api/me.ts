import { useQuery } from '@tanstack/react-query';
import type { Me } from '../../../src/http/api-types';
import { ApiError, get } from './client';

export const ME_KEY = ['me'] as const;

/** Who is logged in; `null` when nobody is (the shell then shows the login page). */
export const meQuery = {
  queryKey: ME_KEY,
  queryFn: async () => {
    try {
      return await get<Me>('/me');
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return null;
      throw err;
    }
  },
  staleTime: 5 * 60_000,
};

export function useMe() {
  return useQuery(meQuery);
}
