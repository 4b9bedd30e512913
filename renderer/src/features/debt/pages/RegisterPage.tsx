import type { DebtStatus } from '@core/api/debt';
import { Anchor, Button, Chip, Group, MultiSelect, Select, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import {
  IconChartDots3,
  IconDownload,
  IconFileImport,
  IconPlus,
  IconReceipt2,
  IconSearch,
  IconSparkles,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useLayoutEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { call } from '../../../api/client';
import { ListEmpty } from '../../../components/ListStates';
import { SearchInput } from '../../../components/ListToolbar';
import { describeError } from '../../../i18n/apiErrors';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { usePagedRows } from '../../../lib/usePagedRows';
import { useDebtFilters } from '../../../stores/debtFilters';
import { clientQueries } from '../../clients/queries';
import { parseStatuses } from '../../dashboard/businessCase';
import { DocumentButton } from '../../documents/DocumentButton';
import { CsvImportModal } from '../components/CsvImportModal';
import { BusinessCaseButton } from '../components/BusinessCaseButton';
import { DebtTable } from '../components/DebtTable';
import { useBulkStatus } from '../mutations';
import { categoryOptions, statusOptions } from '../options';
import { debtPages, debtQueries, registerFilters, type DebtListFilters } from '../queries';
import { downloadText, useDebtActions, useLoadDemoAction } from '../useDebtActions';
import pageClasses from '../../../components/ListPage.module.css';
import classes from './RegisterPage.module.css';

const SEARCH_DEBOUNCE_MS = 250;

/** `#/debt` (every client) and `#/clients/:clientId/debt` (one client's register). */
export function RegisterPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { clientId } = useParams();
  const f = useDebtFilters();
  const [searchParams, setSearchParams] = useSearchParams();
  // A drill-down link (`?status=proposed`, from the business case) sets the filters once:
  // those statuses and nothing else; the filters then live in their store as usual.
  useLayoutEffect(() => {
    const statuses = parseStatuses(searchParams);
    if (statuses.length === 0) return;
    const { clear, setStatuses } = useDebtFilters.getState();
    clear();
    setStatuses(statuses);
    setSearchParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.delete('status');
        return next;
      },
      { replace: true },
    );
  }, [searchParams, setSearchParams]);
  const [debouncedSearch] = useDebouncedValue(f.search.trim(), SEARCH_DEBOUNCE_MS);
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const [bulkStatus, setBulkStatus] = useState<DebtStatus | null>(null);
  const [importOpen, setImportOpen] = useState(false);
  const actions = useDebtActions();
  const bulk = useBulkStatus();
  const demo = useLoadDemoAction();
  const client = useQuery({ ...clientQueries.detail(clientId ?? ''), enabled: !!clientId });

  const { statuses, categories, tags: tagFilter, sort } = f;
  const filters = useMemo<DebtListFilters>(
    () =>
      registerFilters(clientId, debouncedSearch, { statuses, categories, tags: tagFilter, sort }),
    [clientId, debouncedSearch, statuses, categories, tagFilter, sort],
  );
  const paged = usePagedRows(debtPages(filters));
  const { first: list, rows, total } = paged;
  // After the list's first page: the services answer one call at a time, and the rows should
  // not wait behind the tag filter, a scan of the whole register (docs/PERFORMANCE.md).
  const tags = useQuery(debtQueries.tags(clientId));
  const filtered =
    !!debouncedSearch || f.statuses.length > 0 || f.categories.length > 0 || f.tags.length > 0;

  const toggle = (id: string) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const toggleAll = (checked: boolean) =>
    setSelected(
      // "All" is every row loaded so far; unloaded pages are not silently included.
      checked ? new Set(rows.flatMap((row) => (row ? [row.id] : []))) : new Set(),
    );

  const newItemPath = clientId ? `/debt/new?client=${clientId}` : '/debt/new';

  const applyBulk = () => {
    if (!bulkStatus || selected.size === 0) return;
    bulk.mutate(
      { ids: [...selected], status: bulkStatus },
      {
        onSuccess: ({ updated }) => {
          notifySuccess(t('debt.bulk.done', { count: updated }));
          setSelected(new Set());
          setBulkStatus(null);
        },
        onError: (error) => notifyError(describeError(error, t)),
      },
    );
  };

  const exportCsv = async () => {
    try {
      const { search, statuses, categories, tags: tagFilter } = filters;
      const result = await call('debt.csv.export', {
        ...(clientId ? { clientId } : {}),
        search,
        statuses,
        categories,
        tags: tagFilter,
      });
      downloadText(result.fileName, result.csvText);
      notifySuccess(t('debt.csv.exported', { count: result.rows }));
    } catch (error) {
      notifyError(describeError(error, t));
    }
  };

  const empty = filtered ? (
    <ListEmpty
      icon={<IconSearch size={28} />}
      title={t('debt.empty.noResults')}
      actions={
        <Button variant="default" onClick={f.clear}>
          {t('debt.filters.clear')}
        </Button>
      }
    />
  ) : (
    <ListEmpty
      first
      icon={<IconReceipt2 size={30} />}
      title={t('debt.empty.title')}
      description={t('debt.empty.description')}
      maw={520}
      actions={
        <>
          <Button
            component={Link}
            to={newItemPath}
            size="md"
            leftSection={<IconPlus size={18} aria-hidden />}
          >
            {t('debt.empty.add')}
          </Button>
          <Button
            size="md"
            variant="default"
            loading={demo.loading}
            leftSection={<IconSparkles size={18} aria-hidden />}
            onClick={demo.load}
          >
            {t('debt.empty.demo')}
          </Button>
        </>
      }
    />
  );

  return (
    <div className={pageClasses.page}>
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <div>
          <Title order={2} size="h3">
            {clientId ? (client.data?.displayName ?? '…') : t('debt.allClients')}
          </Title>
          <Text size="sm" c="dimmed" aria-live="polite">
            {list.data ? t('debt.count', { count: total }) : ' '}
          </Text>
        </div>
        <Group gap="xs" wrap="nowrap">
          {clientId && <BusinessCaseButton clientId={clientId} />}
          {clientId && (
            <Button
              variant="default"
              component={Link}
              to={`/clients/${clientId}/debt/portfolio`}
              leftSection={<IconChartDots3 size={16} aria-hidden />}
            >
              {t('debt.portfolio')}
            </Button>
          )}
          {clientId && (
            <DocumentButton
              request={{ kind: 'report', clientId }}
              title={t('documents.titles.report', { name: client.data?.displayName ?? '' })}
              disabled={total === 0}
            >
              {t('documents.actions.roiReport')}
            </DocumentButton>
          )}
          {clientId && (
            <Button
              variant="default"
              leftSection={<IconFileImport size={16} aria-hidden />}
              onClick={() => setImportOpen(true)}
            >
              {t('debt.csv.import')}
            </Button>
          )}
          <Button
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
            onClick={() => void exportCsv()}
            disabled={total === 0}
          >
            {t('debt.csv.export')}
          </Button>
          <Button
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => void navigate(newItemPath)}
          >
            {t('debt.add')}
          </Button>
        </Group>
      </Group>

      <div className={classes.toolbar}>
        <SearchInput
          w={280}
          label={t('debt.filters.search')}
          placeholder={t('debt.filters.searchPlaceholder')}
          clearLabel={t('debt.filters.clearSearch')}
          value={f.search}
          onChange={f.setSearch}
        />
        <AnyOfSelect
          label={t('debt.filters.status')}
          data={statusOptions(t)}
          value={f.statuses}
          onChange={f.setStatuses}
        />
        <AnyOfSelect
          label={t('debt.filters.category')}
          data={categoryOptions(t)}
          value={f.categories}
          onChange={f.setCategories}
        />
        {filtered && (
          <Button variant="subtle" onClick={f.clear}>
            {t('debt.filters.clear')}
          </Button>
        )}
      </div>
      {(tags.data?.length ?? 0) > 0 && (
        <Group gap={6} role="group" aria-label={t('debt.filters.tags')}>
          <Text size="sm" fw={500} mr={4}>
            {t('debt.filters.tags')}
          </Text>
          <Chip.Group multiple value={f.tags} onChange={f.setTags}>
            {tags.data!.slice(0, 30).map((tag) => (
              <Chip key={tag} value={tag} size="xs" variant="outline">
                {tag}
              </Chip>
            ))}
          </Chip.Group>
        </Group>
      )}

      {selected.size > 0 && (
        <div className={classes.bulkBar} role="region" aria-label={t('debt.bulk.setStatus')}>
          <Text size="sm" fw={600}>
            {t('debt.bulk.selected', { count: selected.size })}
          </Text>
          <Select
            size="xs"
            w={200}
            aria-label={t('debt.bulk.setStatus')}
            placeholder={t('debt.bulk.setStatus')}
            data={statusOptions(t)}
            value={bulkStatus}
            onChange={(value) => setBulkStatus(value as DebtStatus | null)}
          />
          <Button size="xs" onClick={applyBulk} disabled={!bulkStatus} loading={bulk.isPending}>
            {t('debt.bulk.apply')}
          </Button>
          <Anchor component="button" size="sm" onClick={() => setSelected(new Set())}>
            {t('debt.bulk.clear')}
          </Anchor>
        </div>
      )}

      <DebtTable
        list={paged}
        totals={paged.firstPage?.totals ?? []}
        sort={f.sort}
        onSort={f.sortBy}
        showClient={!clientId}
        selected={selected}
        onToggle={toggle}
        onToggleAll={toggleAll}
        actions={actions}
        empty={empty}
      />
      {clientId && importOpen && (
        <CsvImportModal
          clientId={clientId}
          clientName={client.data?.displayName ?? ''}
          onClose={() => setImportOpen(false)}
        />
      )}
    </div>
  );
}

/** A filter on any of several values; "Any" while none is chosen. */
function AnyOfSelect<T extends string>({
  label,
  data,
  value,
  onChange,
}: {
  label: string;
  data: { value: T; label: string }[];
  value: T[];
  onChange: (value: T[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <MultiSelect
      w={240}
      label={label}
      placeholder={value.length ? undefined : t('debt.filters.any')}
      data={data}
      value={value}
      onChange={(next) => onChange(next as T[])}
      clearable
      clearButtonProps={{ 'aria-label': t('debt.filters.clear') }}
    />
  );
}
