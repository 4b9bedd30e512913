import type { ArchivedFilter, ClientSortField } from '@core/api';
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

export interface ClientSort {
  field: ClientSortField;
  direction: 'asc' | 'desc';
}

interface ClientFiltersState {
  search: string;
  archived: ArchivedFilter;
  sort: ClientSort;
  setSearch: (search: string) => void;
  setArchived: (archived: ArchivedFilter) => void;
  setSort: (sort: ClientSort) => void;
  /** Header click: the same column flips direction, a new one starts in its natural order. */
  sortBy: (field: ClientSortField) => void;
}

const DATE_FIELDS: readonly ClientSortField[] = ['createdAt', 'updatedAt'];

export function naturalDirection(field: ClientSortField): 'asc' | 'desc' {
  return DATE_FIELDS.includes(field) ? 'desc' : 'asc';
}

/** How the client list is filtered and sorted. The search text is not kept across restarts. */
export const useClientFilters = create<ClientFiltersState>()(
  persist(
    (set) => ({
      search: '',
      archived: 'active',
      sort: { field: 'displayName', direction: 'asc' },
      setSearch: (search) => set({ search }),
      setArchived: (archived) => set({ archived }),
      setSort: (sort) => set({ sort }),
      sortBy: (field) =>
        set(({ sort }) => ({
          sort:
            sort.field === field
              ? { field, direction: sort.direction === 'asc' ? 'desc' : 'asc' }
              : { field, direction: naturalDirection(field) },
        })),
    }),
    {
      name: 'engagement-desk:client-filters',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: ({ archived, sort }) => ({ archived, sort }),
    },
  ),
);
