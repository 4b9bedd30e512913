import type { ArchivedFilter } from '@core/api';
import { queryOptions } from '@tanstack/react-query';
import { call } from '../../api/client';
import type { ClientSort } from '../../stores/clientFilters';

export const CLIENTS_PAGE_SIZE = 200;

export interface ClientListFilters {
  search: string;
  archived: ArchivedFilter;
  sort: ClientSort;
}

/**
 * Every client query key hangs off `['clients']`. Lists (including the summary used by
 * the empty state) share the `lists()` prefix, so one invalidation refreshes them all.
 */
export const clientKeys = {
  all: ['clients'] as const,
  lists: () => [...clientKeys.all, 'list'] as const,
  list: (filters: ClientListFilters) => [...clientKeys.lists(), filters] as const,
  summary: () => [...clientKeys.lists(), 'summary'] as const,
  details: () => [...clientKeys.all, 'detail'] as const,
  detail: (id: string) => [...clientKeys.details(), id] as const,
};

/** One page of the list, as `usePagedRows` asks for it. */
export function fetchClientsPage(filters: ClientListFilters, offset: number, limit: number) {
  return call('clients.list', { ...filters, offset, limit });
}

export const clientQueries = {
  /** How many clients exist at all: tells "no clients yet" from "none match". */
  summary: () =>
    queryOptions({
      queryKey: clientKeys.summary(),
      queryFn: async () => {
        const [all, archived] = await Promise.all([
          call('clients.list', { archived: 'all', limit: 1 }),
          call('clients.list', { archived: 'archived', limit: 1 }),
        ]);
        return { total: all.total, archived: archived.total };
      },
    }),

  detail: (id: string) =>
    queryOptions({
      queryKey: clientKeys.detail(id),
      queryFn: () => call('clients.get', { id }),
    }),
};
