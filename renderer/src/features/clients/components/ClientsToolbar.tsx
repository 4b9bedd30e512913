import type { ArchivedFilter, ClientSortField } from '@core/api';
import {
  ActionIcon,
  Button,
  CloseButton,
  Group,
  Kbd,
  SegmentedControl,
  Select,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { IconPlus, IconSearch, IconSortAscending, IconSortDescending } from '@tabler/icons-react';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
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
  const descending = sort.direction === 'desc';
  return (
    <Group justify="space-between" wrap="wrap" gap="sm">
      <Group gap="sm" wrap="wrap">
        <TextInput
          ref={searchRef}
          value={search}
          onChange={(event) => onSearchChange(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && search) {
              event.stopPropagation();
              onSearchChange('');
            }
          }}
          placeholder={t('clients.search.placeholder')}
          aria-label={t('clients.search.label')}
          type="search"
          w={300}
          leftSection={<IconSearch size={16} aria-hidden />}
          rightSection={
            search ? (
              <CloseButton
                size="sm"
                aria-label={t('clients.search.clear')}
                onClick={() => onSearchChange('')}
              />
            ) : null
          }
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
        <Group gap={4} wrap="nowrap">
          <Select
            aria-label={t('clients.sort.label')}
            value={sort.field}
            onChange={(value) =>
              value && onSortChange({ field: value as ClientSortField, direction: sort.direction })
            }
            allowDeselect={false}
            w={170}
            data={SORT_FIELDS.map((field) => ({ value: field, label: t(`clients.sort.${field}`) }))}
            comboboxProps={{ withinPortal: true }}
          />
          <Tooltip label={descending ? t('clients.sort.descending') : t('clients.sort.ascending')}>
            <ActionIcon
              variant="default"
              size={36}
              aria-label={descending ? t('clients.sort.descending') : t('clients.sort.ascending')}
              aria-pressed={descending}
              onClick={() =>
                onSortChange({ field: sort.field, direction: descending ? 'asc' : 'desc' })
              }
            >
              {descending ? (
                <IconSortDescending size={18} aria-hidden />
              ) : (
                <IconSortAscending size={18} aria-hidden />
              )}
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
      <Group gap="md" wrap="nowrap">
        {countLabel && (
          <Text size="sm" c="dimmed" aria-live="polite" className="tabular">
            {countLabel}
          </Text>
        )}
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
      </Group>
    </Group>
  );
}
