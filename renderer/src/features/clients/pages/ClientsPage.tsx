import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { listStatus } from '../../../lib/listState';
import { usePagedRows } from '../../../lib/usePagedRows';
import { useClientFilters } from '../../../stores/clientFilters';
import { EmptyFilterState, FirstClientState, NoResultsState } from '../components/ClientsStates';
import { ClientsTable } from '../components/ClientsTable';
import { ClientsToolbar } from '../components/ClientsToolbar';
import {
  CLIENTS_PAGE_SIZE,
  clientKeys,
  clientQueries,
  fetchClientsPage,
  type ClientListFilters,
} from '../queries';
import { useClientActions } from '../useClientActions';
import classes from '../../../components/ListPage.module.css';

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
  const { first: list, total } = paged;
  // An empty list under no search: are there no clients at all, or none under this filter?
  const summary = useQuery({
    ...clientQueries.summary(),
    enabled: listStatus(list, total) === 'empty' && !debouncedSearch,
  });

  const clearSearch = () => {
    setSearch('');
    searchRef.current?.focus();
  };

  let empty: ReactNode = null;
  if (debouncedSearch) empty = <NoResultsState search={debouncedSearch} onClear={clearSearch} />;
  else if (summary.data && summary.data.total > 0)
    empty = (
      <EmptyFilterState
        archived={archived === 'archived' ? 'archived' : 'active'}
        onShowAll={() => setArchived('all')}
      />
    );
  else if (summary.data || summary.isError) empty = <FirstClientState />;

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
        countLabel={list.data && total > 0 ? t('clients.count', { count: total }) : null}
      />
      <ClientsTable list={paged} sort={sort} onSort={sortBy} actions={actions} empty={empty} />
      <Outlet />
    </div>
  );
}
