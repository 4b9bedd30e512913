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

export const backupKeys = {
  all: ['backups'] as const,
  list: () => [...backupKeys.all, 'list'] as const,
  preview: (name: string) => [...backupKeys.all, 'preview', name] as const,
};

export const backupQueries = {
  list: () =>
    queryOptions({
      queryKey: backupKeys.list(),
      queryFn: () => call('backups.list', {}),
    }),
  /** Always read fresh: the comparison includes the live data. */
  preview: (name: string) =>
    queryOptions({
      queryKey: backupKeys.preview(name),
      queryFn: () => call('backups.preview', { name }),
      staleTime: 0,
      gcTime: 0,
    }),
};
