import { ApiError } from '@core/api';
import { QueryClient } from '@tanstack/react-query';

// Failures that a second try cannot fix.
const FINAL: ReadonlySet<string> = new Set([
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  'UNKNOWN_METHOD',
]);

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // The data is local and changes only through our own mutations, which invalidate.
        staleTime: 60_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) =>
          !(error instanceof ApiError && FINAL.has(error.code)) && failureCount < 1,
      },
      mutations: { retry: false },
    },
  });
}

/**
 * The app's one query client: the providers hand it to React, and route loaders
 * (`router.tsx`) start a page's first request with it before the page's chunk has loaded.
 */
export const queryClient = createQueryClient();
