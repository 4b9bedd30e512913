import type { UseQueryResult } from '@tanstack/react-query';

export interface SortState<Field extends string> {
  field: Field;
  direction: 'asc' | 'desc';
}

/** Clicking a column's header: that field ascending, or the other way round if it already is. */
export function toggleSort<Field extends string>(
  sort: SortState<Field>,
  field: Field,
): SortState<Field> {
  return { field, direction: sort.field === field && sort.direction === 'asc' ? 'desc' : 'asc' };
}

/** The first page's query of a paged list (`usePagedRows().first`). */
export type ListQuery = Pick<
  UseQueryResult,
  'isPending' | 'isError' | 'isPlaceholderData' | 'data' | 'error' | 'refetch'
>;

export type ListStatus = 'loading' | 'error' | 'empty' | 'ready';

/**
 * What a paged list shows: placeholders until the first page arrives, the error when it
 * failed with nothing to show, the empty state once an empty answer is current (not while the
 * previous filter's rows stand in), else the rows.
 */
export function listStatus(query: ListQuery, total: number): ListStatus {
  if (query.isPending) return 'loading';
  if (query.isError && !query.data) return 'error';
  if (total === 0 && !query.isPlaceholderData) return 'empty';
  return 'ready';
}
