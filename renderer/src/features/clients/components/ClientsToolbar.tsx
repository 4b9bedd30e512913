import type { ArchivedFilter, ClientSortField } from '@core/api';
import { Button, Group, Kbd, SegmentedControl, Tooltip } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ListToolbar, SearchInput, SortControl } from '../../../components/ListToolbar';
import { modKey } from '../../../lib/platform';
import type { ClientSort } from '../../../stores/clientFilters';

const SORT_FIELDS: readonly ClientSortField[] = [
  'displayName',
  'legalName',
  'defaultCurrency',
  'createdAt',
  'updatedAt',
];

export interface ClientsToolbarProps {
  search: string;
  onSearchChange: (value: string) => void;
  archived: ArchivedFilter;
  onArchivedChange: (value: ArchivedFilter) => void;
  sort: ClientSort;
  onSortChange: (sort: ClientSort) => void;
  countLabel: string | null;
  searchRef?: Ref<HTMLInputElement>;
}

export function ClientsToolbar({
  search,
  onSearchChange,
  archived,
  onArchivedChange,
  sort,
  onSortChange,
  countLabel,
  searchRef,
}: ClientsToolbarProps) {
  const { t } = useTranslation();
  return (
    <ListToolbar
      count={countLabel}
      actions={
        <Tooltip
          label={
            <Group gap={4} wrap="nowrap">
              <Kbd size="xs">{modKey()}</Kbd>
              <Kbd size="xs">N</Kbd>
            </Group>
          }
        >
          <Button
            component={Link}
            to="/clients/new"
            leftSection={<IconPlus size={16} aria-hidden />}
          >
            {t('clients.new')}
          </Button>
        </Tooltip>
      }
    >
      <SearchInput
        ref={searchRef}
        type="search"
        w={300}
        aria-label={t('clients.search.label')}
        placeholder={t('clients.search.placeholder')}
        clearLabel={t('clients.search.clear')}
        value={search}
        onChange={onSearchChange}
      />
      <SegmentedControl<ArchivedFilter>
        value={archived}
        onChange={onArchivedChange}
        aria-label={t('clients.filter.label')}
        data={[
          { value: 'active', label: t('clients.filter.active') },
          { value: 'archived', label: t('clients.filter.archived') },
          { value: 'all', label: t('clients.filter.all') },
        ]}
      />
      <SortControl
        fields={SORT_FIELDS}
        labelFor={(field) => t(`clients.sort.${field}`)}
        sort={sort}
        onChange={onSortChange}
        width={170}
      />
    </ListToolbar>
  );
}
