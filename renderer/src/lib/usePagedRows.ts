import {
  keepPreviousData,
  useQueries,
  type QueryKey,
  type UseQueryResult,
} from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';

export interface Page<T> {
  items: readonly T[];
  total: number;
  offset: number;
}

export interface PagedRowsOptions<P extends Page<unknown>> {
  /** The list's key for these filters; each page adds its index to it. */
  queryKey: QueryKey;
  pageSize: number;
  fetchPage: (offset: number, limit: number) => Promise<P>;
}

/**
 * One page's query: `usePagedRows` asks for pages with it, and a route loader can ask for a
 * list's first page (`page` 0) with it before the list's page has loaded.
 */
export function pageQuery<P extends Page<unknown>>(
  { queryKey, pageSize, fetchPage }: PagedRowsOptions<P>,
  page: number,
) {
  return {
    queryKey: [...queryKey, 'page', page],
    queryFn: () => fetchPage(page * pageSize, pageSize),
  };
}

/**
 * Rows of a long server-side list, fetched by the page that is on screen rather than from
 * the top down: jumping to row 9,999 loads that row's page directly. `rows` has the list's
 * full length with holes where a page is not loaded yet (tables draw a placeholder there).
 * The first page always loads: it carries the total and anything list-wide (e.g. totals),
 * and keeps the previous filter's rows on screen while a new search is on its way.
 */
export function usePagedRows<P extends Page<unknown>>({
  queryKey,
  pageSize,
  fetchPage,
}: PagedRowsOptions<P>) {
  type T = P['items'][number];
  const [visible, setVisible] = useState<{ first: number; last: number }>({ first: 0, last: 0 });

  const pageIndexes = useMemo(() => {
    const from = Math.floor(visible.first / pageSize);
    const to = Math.floor(visible.last / pageSize);
    const pages = new Set<number>([0]);
    for (let p = from; p <= to; p++) pages.add(p);
    return [...pages];
  }, [visible, pageSize]);

  // `combine` runs only when a page's result changes, so `rows` keeps its identity between
  // unrelated renders.
  const combine = useCallback((results: UseQueryResult<P>[]) => {
    const first = results[0]!;
    const total = first.data?.total ?? 0;
    const rows = new Array<T | undefined>(total);
    for (const { data } of results) {
      // A page fetched under an older total belongs to a list that has since changed.
      if (!data || data.total !== total) continue;
      data.items.forEach((item, i) => {
        rows[data.offset + i] = item;
      });
    }
    return { first, total, rows, isFetchingRows: results.some((r, i) => i > 0 && r.isFetching) };
  }, []);

  const { first, total, rows, isFetchingRows } = useQueries({
    queries: pageIndexes.map((page) => ({
      ...pageQuery({ queryKey, pageSize, fetchPage }, page),
      placeholderData: page === 0 ? keepPreviousData : undefined,
    })),
    combine,
  });

  /** Tables report the rows on screen (plus their prefetch margin). */
  const showRange = useCallback((firstRow: number, lastRow: number) => {
    setVisible((v) =>
      v.first === firstRow && v.last === lastRow ? v : { first: firstRow, last: lastRow },
    );
  }, []);

  return {
    /** The first page's query: loading, error, placeholder and refetch state of the list. */
    first,
    firstPage: first.data,
    rows,
    total,
    isFetchingRows,
    showRange,
  };
}

/** Rows beyond the screen whose pages are fetched ahead, so scrolling rarely waits. */
const PREFETCH_ROWS = 60;

/**
 * For a virtualised table: reports the rows on screen (plus a prefetch margin) to
 * `usePagedRows().showRange` whenever they change.
 */
export function useReportVisibleRows(
  visible: readonly { index: number }[],
  total: number,
  onRangeChange: (first: number, last: number) => void,
): void {
  const first = visible[0]?.index ?? 0;
  const last = visible.length > 0 ? visible[visible.length - 1]!.index : 0;
  useEffect(() => {
    onRangeChange(
      Math.max(0, first - PREFETCH_ROWS),
      Math.min(Math.max(total - 1, 0), last + PREFETCH_ROWS),
    );
  }, [first, last, total, onRangeChange]);
}
