import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { describeError } from '../../../i18n/apiErrors';
import { useClientFilters } from '../../../stores/clientFilters';
import { ClientsTable, ClientsTableSkeleton } from '../components/ClientsTable';
import {
  EmptyFilterState,
  FirstClientState,
  LoadErrorState,
  NoResultsState,
} from '../components/ClientsStates';
import { ClientsToolbar } from '../components/ClientsToolbar';
import { usePagedRows } from '../../../lib/usePagedRows';
import {
  CLIENTS_PAGE_SIZE,
  clientKeys,
  clientQueries,
  fetchClientsPage,
  type ClientListFilters,
} from '../queries';
import { useClientActions } from '../useClientActions';
import classes from './ClientsPage.module.css';

const SEARCH_DEBOUNCE_MS = 250;

export function ClientsPage() {
  const { t } = useTranslation();
  const { search, archived, sort, setSearch, setArchived, setSort, sortBy } = useClientFilters();
  const [debouncedSearch] = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS);
  const searchRef = useRef<HTMLInputElement>(null);
  const actions = useClientActions();

  const filters = useMemo<ClientListFilters>(
    () => ({ search: debouncedSearch, archived, sort }),
    [debouncedSearch, archived, sort],
  );
  const paged = usePagedRows({
    queryKey: clientKeys.list(filters),
    pageSize: CLIENTS_PAGE_SIZE,
    fetchPage: (offset, limit) => fetchClientsPage(filters, offset, limit),
  });
  const { first: list, rows, total } = paged;
  const isEmpty = list.isSuccess && !list.isPlaceholderData && total === 0;
  const summary = useQuery({ ...clientQueries.summary(), enabled: isEmpty && !debouncedSearch });

  const clearSearch = () => {
    setSearch('');
    searchRef.current?.focus();
  };

  let content: React.ReactNode;
  if (list.isPending) {
    content = <ClientsTableSkeleton />;
  } else if (list.isError && !list.data) {
    content = (
      <LoadErrorState message={describeError(list.error, t)} onRetry={() => void list.refetch()} />
    );
  } else if (isEmpty && debouncedSearch) {
    content = <NoResultsState search={debouncedSearch} onClear={clearSearch} />;
  } else if (isEmpty) {
    if (!summary.data) content = summary.isError ? <FirstClientState /> : <ClientsTableSkeleton />;
    else if (summary.data.total === 0) content = <FirstClientState />;
    else
      content = (
        <EmptyFilterState
          archived={archived === 'archived' ? 'archived' : 'active'}
          onShowAll={() => setArchived('all')}
        />
      );
  } else {
    content = (
      <ClientsTable
        rows={rows}
        total={total}
        sort={sort}
        onSort={sortBy}
        onRangeChange={paged.showRange}
        actions={actions}
      />
    );
  }

  return (
    <div className={classes.page}>
      <ClientsToolbar
        searchRef={searchRef}
        search={search}
        onSearchChange={setSearch}
        archived={archived}
        onArchivedChange={setArchived}
        sort={sort}
        onSortChange={setSort}
        countLabel={list.data && !isEmpty ? t('clients.count', { count: total }) : null}
      />
      {content}
      <Outlet />
    </div>
  );
}
