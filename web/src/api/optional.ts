import { useQuery } from '@tanstack/react-query';
import { ApiError, get } from './client';

/**
 * A query to a capability that may not be installed: a 404 of the route answers `null`, so a
 * page shows what exists and leaves out the rest.
 */
export function useOptionalQuery<T>(
  key: unknown[],
  path: string,
  query?: Record<string, string | number | undefined>,
) {
  return useQuery({
    queryKey: key,
    queryFn: async () => {
      try {
        return await get<T>(path, query);
      } catch (err) {
        if (err instanceof ApiError && err.status === 404 && err.problem.detail?.startsWith('no route'))
          return null;
        throw err;
      }
    },
  });
}
