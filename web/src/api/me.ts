import { useQuery } from '@tanstack/react-query';
import { ApiError, get } from './client';

export type Me = {
  org: {
    id: string;
    slug: string;
    name: string;
    defaultLocale: string;
    baseCurrency: string;
    timeZone: string;
  };
  user: { id: string; email: string; name: string; role: string; locale: string } | null;
  kind: 'api_key' | 'session';
  permissions: string[];
};

export const ME_KEY = ['me'] as const;

/** Who is logged in; `null` when nobody is (the shell then shows the login page). */
export function useMe() {
  return useQuery({
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
  });
}
