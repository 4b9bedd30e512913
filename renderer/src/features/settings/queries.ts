import { queryOptions } from '@tanstack/react-query';
import { call } from '../../api/client';

export const appKeys = {
  all: ['app'] as const,
  info: () => [...appKeys.all, 'info'] as const,
};

export const appQueries = {
  info: () =>
    queryOptions({
      queryKey: appKeys.info(),
      queryFn: () => call('app.info', {}),
      staleTime: Infinity,
    }),
};
