import type { DebtCategory, DebtSortField, DebtStatus, DebtEvaluateOutput } from '@core/api/debt';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { call } from '../../api/client';

/**
 * Rows per page of the register. The screen shows about 15; a small first page draws the
 * register sooner (docs/PERFORMANCE.md), and `usePagedRows` fetches the pages the user
 * scrolls to, so the page size never limits what the table can reach.
 */
export const DEBT_PAGE_SIZE = 100;

export interface DebtSort {
  field: DebtSortField;
  direction: 'asc' | 'desc';
}

export interface DebtListFilters {
  clientId?: string | undefined;
  search: string;
  statuses: DebtStatus[];
  categories: DebtCategory[];
  tags: string[];
  sort: DebtSort;
}

export type EvaluateInput = Parameters<typeof evaluateCall>[0];
function evaluateCall(input: {
  quarterlyCostMinor: { low: number; likely: number; high: number };
  growthPerQuarter: number;
  fixDays: { low: number; likely: number; high: number };
  dayRateMinor: number;
  residualFraction: number;
  lagQuarters: number;
  settings: {
    annualDiscountRate: number;
    horizonQuarters: number;
    rateMode: 'effective' | 'nominal';
    distribution: 'pert' | 'triangular';
  };
}): Promise<DebtEvaluateOutput> {
  return call('debt.evaluate', input);
}

/**
 * Every debt query key hangs off `['debt']`. Anything that depends on the items (lists,
 * tags, matrix, budget selections) sits under `items()`, so one invalidation after a
 * write refreshes them all; settings and evaluations have their own branches.
 */
export const debtKeys = {
  all: ['debt'] as const,
  items: () => [...debtKeys.all, 'items'] as const,
  lists: () => [...debtKeys.items(), 'list'] as const,
  list: (filters: DebtListFilters) => [...debtKeys.lists(), filters] as const,
  tags: (clientId?: string) => [...debtKeys.items(), 'tags', clientId ?? null] as const,
  matrix: (clientId: string) => [...debtKeys.items(), 'matrix', clientId] as const,
  budget: (clientId: string, budget: unknown) =>
    [...debtKeys.items(), 'budget', clientId, budget] as const,
  selection: (clientId: string) => [...debtKeys.items(), 'selection', clientId] as const,
  details: () => [...debtKeys.items(), 'detail'] as const,
  detail: (id: string) => [...debtKeys.details(), id] as const,
  settings: (clientId: string) => [...debtKeys.all, 'settings', clientId] as const,
  evaluate: (input: EvaluateInput) => [...debtKeys.all, 'evaluate', input] as const,
};

/** One page of the register, as `usePagedRows` asks for it. */
export function fetchDebtPage(filters: DebtListFilters, offset: number, limit: number) {
  return call('debt.list', {
    ...(filters.clientId ? { clientId: filters.clientId } : {}),
    search: filters.search,
    statuses: filters.statuses,
    categories: filters.categories,
    tags: filters.tags,
    sort: filters.sort,
    offset,
    limit,
  });
}

/** The filter fields the register's list query reads from its store. */
type StoredFilters = Pick<DebtListFilters, 'statuses' | 'categories' | 'tags' | 'sort'>;

/** The register's list filters: its client (none = every client), the search, the store's. */
export function registerFilters(
  clientId: string | undefined,
  search: string,
  stored: StoredFilters,
): DebtListFilters {
  const { statuses, categories, tags, sort } = stored;
  return { clientId, search, statuses, categories, tags, sort };
}

/** The register's paged rows (`usePagedRows`; the route's loader asks for page 0 early). */
export function debtPages(filters: DebtListFilters) {
  return {
    queryKey: debtKeys.list(filters),
    pageSize: DEBT_PAGE_SIZE,
    fetchPage: (offset: number, limit: number) => fetchDebtPage(filters, offset, limit),
  };
}

export const debtQueries = {
  tags: (clientId?: string) =>
    queryOptions({
      queryKey: debtKeys.tags(clientId),
      queryFn: () => call('debt.tags', clientId ? { clientId } : {}),
    }),

  detail: (id: string) =>
    queryOptions({ queryKey: debtKeys.detail(id), queryFn: () => call('debt.get', { id }) }),

  settings: (clientId: string) =>
    queryOptions({
      queryKey: debtKeys.settings(clientId),
      queryFn: () => call('debt.settings.get', { clientId }),
    }),

  evaluate: (input: EvaluateInput) =>
    queryOptions({
      queryKey: debtKeys.evaluate(input),
      queryFn: () => evaluateCall(input),
      placeholderData: keepPreviousData,
      staleTime: Infinity,
    }),

  matrix: (clientId: string) =>
    queryOptions({
      queryKey: debtKeys.matrix(clientId),
      queryFn: () => call('debt.matrix', { clientId }),
    }),

  selection: (clientId: string) =>
    queryOptions({
      queryKey: debtKeys.selection(clientId),
      queryFn: () => call('debt.selection.get', { clientId }),
    }),
};
