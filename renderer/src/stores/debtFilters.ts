import type { DebtCategory, DebtSortField, DebtStatus } from '@core/api/debt';
import { create } from 'zustand';
import type { DebtSort } from '../features/debt/queries';

interface DebtFiltersState {
  search: string;
  statuses: DebtStatus[];
  categories: DebtCategory[];
  tags: string[];
  sort: DebtSort;
  setSearch: (search: string) => void;
  setStatuses: (statuses: DebtStatus[]) => void;
  setCategories: (categories: DebtCategory[]) => void;
  setTags: (tags: string[]) => void;
  clear: () => void;
  /** Header click: the same column flips direction, a new one starts in its natural order. */
  sortBy: (field: DebtSortField) => void;
}

/**
 * Bigger is better for the money figures, a shorter payback first; impact "descending" is
 * the most severe first.
 */
export function naturalDirection(field: DebtSortField): 'asc' | 'desc' {
  return field === 'payback' || field === 'title' ? 'asc' : 'desc';
}

/** How the register is filtered and sorted (UI state only; CD3 first by default). */
export const useDebtFilters = create<DebtFiltersState>()((set) => ({
  search: '',
  statuses: [],
  categories: [],
  tags: [],
  sort: { field: 'cd3', direction: 'desc' },
  setSearch: (search) => set({ search }),
  setStatuses: (statuses) => set({ statuses }),
  setCategories: (categories) => set({ categories }),
  setTags: (tags) => set({ tags }),
  clear: () => set({ search: '', statuses: [], categories: [], tags: [] }),
  sortBy: (field) =>
    set(({ sort }) => ({
      sort:
        sort.field === field
          ? { field, direction: sort.direction === 'asc' ? 'desc' : 'asc' }
          : { field, direction: naturalDirection(field) },
    })),
}));
