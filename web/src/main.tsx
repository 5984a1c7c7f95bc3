import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiError, setUnauthorizedHandler } from './api/client';
import { ME_KEY, meQuery } from './api/me';
import { App } from './app';
import { setupI18n } from './i18n/setup';
import { preloadPageOf } from './pages/registry';
import './styles.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // A 4xx will not get better by asking again.
      retry: (count, err) => !(err instanceof ApiError && err.status < 500) && count < 2,
    },
  },
});
setUnauthorizedHandler(() => queryClient.setQueryData(ME_KEY, null));

// The session, the page's code and the language catalogue load side by side, not one after another.
void queryClient.prefetchQuery(meQuery);
preloadPageOf(location.pathname);
await setupI18n();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
